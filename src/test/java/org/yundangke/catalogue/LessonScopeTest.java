package org.yundangke.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Logins;
import org.yundangke.TestTalks;
import org.yundangke.org.CommitteeInfo;
import org.yundangke.org.OrgDirectory;

/**
 * An admin of a city manages the lessons they made and those aimed inside their city only; only the province admin
 * reaches everyone. {@code admin} is Nanjing's, {@code province} the province's.
 */
@SpringBootTest
@ActiveProfiles("test")
class LessonScopeTest {

    @Autowired
    Catalogue catalogue;

    @Autowired
    OrgDirectory directory;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void a_city_admin_cannot_see_open_publish_or_take_down_another_citys_lesson() {
        LessonInfo forSuzhou = byProvince("苏州专题", Set.of(committee("苏州市委离退休干部工委")));
        LessonInfo forEveryone = byProvince("全省专题", Set.of());

        logins.as("admin");
        assertThat(catalogue.editorsList(Pageable.ofSize(500))).extracting(LessonInfo::id)
                .doesNotContain(forSuzhou.id(), forEveryone.id());
        assertThatThrownBy(() -> catalogue.open(forSuzhou.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> catalogue.archive(forSuzhou.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> catalogue.publish(forSuzhou.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> catalogue.archive(forEveryone.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_city_admin_manages_lessons_aimed_inside_their_city_whoever_made_them() {
        LessonInfo forXuanwu = byProvince("玄武专题", Set.of(committee("玄武区委离退休干部工委")));

        logins.as("admin");
        assertThat(catalogue.editorsList(Pageable.ofSize(500))).extracting(LessonInfo::id).contains(forXuanwu.id());
        catalogue.publish(forXuanwu.id());
        catalogue.archive(forXuanwu.id());
        assertThat(catalogue.open(forXuanwu.id()).state()).isEqualTo(LessonState.ARCHIVED);
    }

    @Test
    void a_city_admins_lesson_without_an_audience_goes_to_their_city_not_the_province() {
        long nanjing = committee("南京市委离退休干部工委");
        logins.as("admin");
        LessonInfo lesson = catalogue.createDraft(draft(TestTalks.ready(jdbc, "admin", "t", 600), "南京自己的课",
                Set.of()));
        assertThat(lesson.everyone()).isFalse();
        assertThat(lesson.audienceCommittees()).containsExactly(nanjing);
        assertThat(catalogue.editorsList(Pageable.ofSize(500))).extracting(LessonInfo::id).contains(lesson.id());
    }

    @Test
    void a_city_admin_cannot_aim_a_lesson_at_another_city() {
        long suzhou = committee("苏州市委离退休干部工委");
        logins.as("admin");
        UUID talk = TestTalks.ready(jdbc, "admin", "t", 600);
        assertThatThrownBy(() -> catalogue.createDraft(draft(talk, "越界", Set.of(suzhou))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_province_admin_publishes_to_everyone_and_manages_every_lesson() {
        logins.as("admin");
        LessonInfo nanjingOwn = catalogue.createDraft(draft(TestTalks.ready(jdbc, "admin", "t", 600), "南京的课",
                Set.of()));
        LessonInfo forEveryone = byProvince("全省的课", Set.of());
        assertThat(forEveryone.everyone()).isTrue();

        logins.as("province");
        assertThat(catalogue.editorsList(Pageable.ofSize(500))).extracting(LessonInfo::id)
                .contains(nanjingOwn.id(), forEveryone.id());
        catalogue.publish(nanjingOwn.id());
        catalogue.archive(forEveryone.id());
    }

    private LessonInfo byProvince(String title, Set<Long> audience) {
        logins.as("province");
        LessonInfo lesson = catalogue.createDraft(draft(TestTalks.ready(jdbc, "province", "t", 600), title, audience));
        logins.logout();
        return lesson;
    }

    /** A committee's id, looked up as the province admin (who is logged in afterwards). */
    private long committee(String name) {
        logins.as("province");
        return directory.committeesInScope().stream().filter(c -> c.name().equals(name)).findFirst()
                .map(CommitteeInfo::id).orElseThrow();
    }

    private static LessonDraft draft(UUID talk, String title, Set<Long> audience) {
        return new LessonDraft(talk, title, "周宣讲", "", "党史学习", audience);
    }
}
