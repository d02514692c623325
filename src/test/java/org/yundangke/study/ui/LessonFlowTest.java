package org.yundangke.study.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yundangke.TestTalks;
import org.yundangke.KaribuTest;
import org.yundangke.base.ui.AccessDeniedView;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonDraft;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.media.TalkPlayer;

/** The milestone path for a member: a published lesson is on their home, one tap opens it with the player. */
class LessonFlowTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Catalogue catalogue;

    @Test
    void a_published_lesson_reaches_the_member_home_and_opens_with_a_player() {
        UUID talk = readyTalk("lecturer", "红船精神-" + UUID.randomUUID());
        String title = "红船精神永放光芒 " + talk.toString().substring(0, 6);
        login("lecturer");
        LessonInfo made = catalogue.createDraft(new LessonDraft(talk, title, "周宣讲", "", "党史学习", Set.of()));
        catalogue.publish(made.id());

        login("member");
        UI.getCurrent().navigate(MemberHomeView.class);
        MemberHomeView home = _get(MemberHomeView.class);
        RouterLink link = _find(home, RouterLink.class).stream()
                .filter(l -> l.getText().equals(title)).findFirst().orElseThrow();
        UI.getCurrent().navigate(link.getHref());
        LessonView lesson = _get(LessonView.class);
        assertThat(lesson.title.getText()).isEqualTo(title);
        assertThat(lesson.facts.getText()).contains("周宣讲", "30 分钟");
        assertThat(_get(lesson, TalkPlayer.class, spec -> {}).getElement().getAttribute("src"))
                .startsWith("/play/").contains(talk.toString());
    }

    @Test
    void a_member_finds_a_lesson_by_a_chinese_word() {
        UUID talk = readyTalk("lecturer", "t");
        String title = "党史学习教育专题 " + talk.toString().substring(0, 6);
        login("lecturer");
        catalogue.publish(catalogue.createDraft(new LessonDraft(talk, title, "周宣讲", "", "红色故事", Set.of())).id());
        login("member");
        UI.getCurrent().navigate(MemberHomeView.class);
        MemberHomeView home = _get(MemberHomeView.class);
        home.searchField.setValue("党史");
        _get(com.vaadin.flow.component.button.Button.class, spec -> spec.withText("搜索")).click();
        assertThat(_find(home.results, RouterLink.class)).extracting(RouterLink::getText).contains(title);

        home.searchField.setValue("量子力学");
        _get(com.vaadin.flow.component.button.Button.class, spec -> spec.withText("搜索")).click();
        assertThat(home.results.getElement().getTextRecursively()).contains("没有找到");
    }

    @Test
    void a_draft_cannot_be_opened_by_a_member_even_by_its_address() {
        UUID talk = readyTalk("lecturer", "draft talk");
        UUID lesson = UUID.randomUUID();
        jdbc.update("insert into lesson (id, title, speaker, summary, category, kind, media_id, duration_seconds, state,"
                + " everyone, owner_username, created_at) values (?, '草稿', '周宣讲', '', '党史学习', 'VIDEO', ?, 60,"
                + " 'DRAFT', true, 'lecturer', ?)", lesson, talk, Timestamp.from(Instant.now()));
        login("member");
        UI.getCurrent().navigate(LessonView.class, new RouteParameters(LessonView.LESSON_ID, lesson.toString()));
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst())
                .isInstanceOf(AccessDeniedView.class);
    }

    private UUID readyTalk(String owner, String title) {
        return TestTalks.ready(jdbc, owner, title, 1800);
    }
}
