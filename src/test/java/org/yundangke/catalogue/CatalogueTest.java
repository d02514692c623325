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
import org.yundangke.TestTalks;
import org.yundangke.Logins;
import org.yundangke.base.UserError;
import org.yundangke.media.MediaLibrary;
import org.yundangke.org.CommitteeInfo;
import org.yundangke.org.OrgDirectory;

/** Drafts stay with their editors; published lessons reach their audience, and only they may watch the talk. */
@SpringBootTest
@ActiveProfiles("test")
class CatalogueTest {

    @Autowired
    Catalogue catalogue;

    @Autowired
    MediaLibrary media;

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
    void a_draft_is_invisible_to_members_until_published() {
        UUID talk = readyTalk("lecturer");
        logins.as("lecturer");
        LessonInfo draft = catalogue.createDraft(draft(talk, "党史学习教育第一讲", Set.of()));
        assertThat(draft.state()).isEqualTo(LessonState.DRAFT);
        assertThat(draft.kind()).isEqualTo(LessonKind.VIDEO);

        logins.as("member");
        assertThat(catalogue.forMe(Pageable.ofSize(50))).extracting(LessonInfo::id).doesNotContain(draft.id());
        assertThatThrownBy(() -> catalogue.open(draft.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> media.play(talk)).isInstanceOf(AccessDeniedException.class);

        logins.as("lecturer");
        catalogue.publish(draft.id());
        logins.as("member");
        assertThat(catalogue.forMe(Pageable.ofSize(50))).extracting(LessonInfo::id).contains(draft.id());
        assertThat(catalogue.open(draft.id()).title()).isEqualTo("党史学习教育第一讲");
        assertThat(media.play(talk).masterUrl()).startsWith("/play/").endsWith("/hls/master.m3u8");

        logins.as("lecturer");
        catalogue.archive(draft.id());
        logins.as("member");
        assertThat(catalogue.forMe(Pageable.ofSize(50))).extracting(LessonInfo::id).doesNotContain(draft.id());
    }

    @Test
    void a_lesson_for_another_city_cannot_be_opened_or_watched_even_by_its_address() {
        logins.as("province");
        long suzhou = committee("苏州市委离退休干部工委");
        long nanjing = committee("南京市委离退休干部工委");
        UUID suzhouTalk = readyTalk("lecturer");
        UUID nanjingTalk = readyTalk("lecturer");
        logins.as("lecturer");
        LessonInfo forSuzhou = catalogue.createDraft(draft(suzhouTalk, "苏州专题", Set.of(suzhou)));
        LessonInfo forNanjing = catalogue.createDraft(draft(nanjingTalk, "南京专题", Set.of(nanjing)));
        catalogue.publish(forSuzhou.id());
        catalogue.publish(forNanjing.id());

        logins.as("member"); // a Nanjing member ("1+2" across two Nanjing counties)
        assertThat(catalogue.forMe(Pageable.ofSize(50))).extracting(LessonInfo::id)
                .contains(forNanjing.id()).doesNotContain(forSuzhou.id());
        assertThatThrownBy(() -> catalogue.open(forSuzhou.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> media.play(suzhouTalk)).isInstanceOf(AccessDeniedException.class);
        assertThat(media.play(nanjingTalk)).isNotNull();
    }

    @Test
    void only_ready_talks_the_editor_manages_become_lessons() {
        UUID othersTalk = readyTalk("admin");
        logins.as("lecturer");
        assertThatThrownBy(() -> catalogue.createDraft(draft(othersTalk, "别人的讲座", Set.of())))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> catalogue.createDraft(draft(readyTalk("lecturer"), " ", Set.of())))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("lesson.invalid.title"));
        LessonDraft longCategory = draft(readyTalk("lecturer"), "分类太长", Set.of());
        assertThatThrownBy(() -> catalogue.createDraft(new LessonDraft(longCategory.mediaId(), longCategory.title(),
                longCategory.speaker(), "", "党".repeat(51), Set.of())))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("lesson.invalid.category"));
        logins.as("member");
        assertThatThrownBy(() -> catalogue.createDraft(draft(othersTalk, "x", Set.of())))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static LessonDraft draft(UUID talk, String title, Set<Long> audience) {
        return new LessonDraft(talk, title, "周宣讲", "回顾党的光辉历程。", "党史学习", audience);
    }

    private long committee(String name) {
        return directory.committeesInScope().stream().filter(c -> c.name().equals(name)).findFirst()
                .map(CommitteeInfo::id).orElseThrow();
    }

    private UUID readyTalk(String owner) {
        return TestTalks.ready(jdbc, owner, "talk", 1800);
    }
}
