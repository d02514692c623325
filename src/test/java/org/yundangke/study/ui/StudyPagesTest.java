package org.yundangke.study.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yundangke.KaribuTest;
import org.yundangke.TestTalks;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.CourseInfo;
import org.yundangke.catalogue.LessonDraft;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.org.OrgDirectory;

/**
 * The member's and the secretary's study pages: assigned lessons first on the home, browsing by category, a course in
 * order, an article with its read-aloud toolbar and the next lesson, and the secretary's study plan.
 */
class StudyPagesTest extends KaribuTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Catalogue catalogue;

    @Autowired
    OrgDirectory directory;

    long meiyuan;

    @BeforeEach
    void noAssignments() {
        login("secretary");
        meiyuan = directory.currentActor().ledBranchIds().iterator().next();
        jdbc.update("delete from study_assignment_member where assignment_id in (select id from study_assignment"
                + " where branch_id = ?)", meiyuan);
        jdbc.update("delete from study_assignment where branch_id = ?", meiyuan);
    }

    @Test
    void the_secretary_assigns_a_lesson_and_the_member_finds_it_first_on_the_home() {
        login("lecturer");
        LessonInfo lesson = publish(talkDraft("支部要求学的课 " + UUID.randomUUID().toString().substring(0, 6)));

        login("secretary");
        UI.getCurrent().navigate(BranchStudyView.class, new RouteParameters(BranchStudyView.BRANCH_ID,
                String.valueOf(meiyuan)));
        BranchStudyView plan = _get(BranchStudyView.class);
        assertThat(GridKt._size(plan.grid)).isZero();
        plan.lesson.setValue(plan.lesson.getListDataView().getItems().filter(l -> l.id().equals(lesson.id()))
                .findFirst().orElseThrow());
        java.time.LocalDate by = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(7);
        plan.due.setValue(by);
        plan.assign.click();
        assertThat(GridKt._size(plan.grid)).isEqualTo(1);
        assertThat(GridKt._get(plan.grid, 0).study().title()).isEqualTo(lesson.title());

        login("member");
        UI.getCurrent().navigate(MemberHomeView.class);
        MemberHomeView home = _get(MemberHomeView.class);
        RouterLink first = _find(home.today, RouterLink.class).getFirst();
        assertThat(first.getText()).isEqualTo(lesson.title());
        assertThat(home.today.getElement().getTextRecursively())
                .contains("支部布置的学习，请在 " + by.getMonthValue() + "月" + by.getDayOfMonth() + "日前学完");

        login("secretary");
        UI.getCurrent().navigate(BranchStudyView.class, new RouteParameters(BranchStudyView.BRANCH_ID,
                String.valueOf(meiyuan)));
        plan = _get(BranchStudyView.class);
        _click(_get(GridKt._getCellComponent(plan.grid, 0, "actions"), Button.class, spec -> spec.withText("撤回")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(GridKt._size(plan.grid)).isZero();
    }

    @Test
    void the_secretary_assigns_a_test_which_comes_before_the_lessons_on_the_member_home() {
        login("secretary");
        UI.getCurrent().navigate(BranchStudyView.class, new RouteParameters(BranchStudyView.BRANCH_ID,
                String.valueOf(meiyuan)));
        BranchStudyView plan = _get(BranchStudyView.class);
        plan.lesson.setValue(plan.lesson.getListDataView().getItems().findFirst().orElseThrow());
        plan.work.setValue(plan.work.getListDataView().getItems().filter(w -> w.title().equals("党章知识测验"))
                .findFirst().orElseThrow()); // the demo's topical test
        assertThat(plan.lesson.getValue()).as("an assignment is one thing").isNull();
        plan.assign.click();
        assertThat(GridKt._size(plan.grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(plan.grid, 0)).contains("党章知识测验", "测验")
                .anySatisfy(cell -> assertThat(cell).matches("0 / \\d+ 人完成"));

        login("member");
        UI.getCurrent().navigate(MemberHomeView.class);
        MemberHomeView home = _get(MemberHomeView.class);
        Anchor first = _find(home.today, Anchor.class).getFirst();
        assertThat(first.getHref()).startsWith("quizzes/");
        assertThat(first.getElement().getTextRecursively()).contains("党章知识测验", "测验 · 支部布置");
    }

    @Test
    void a_short_clip_says_under_a_minute_not_one_minute() {
        login("lecturer");
        LessonInfo clip = publish(new LessonDraft(TestTalks.ready(jdbc, "lecturer", "短片", 8), "八秒短片", "周宣讲", "",
                "党史学习", Set.of()));
        LessonInfo talk = publish(new LessonDraft(TestTalks.ready(jdbc, "lecturer", "讲座", 95), "一分半讲座", "周宣讲",
                "", "党史学习", Set.of()));
        login("member");
        UI.getCurrent().navigate(LessonView.class, new RouteParameters(LessonView.LESSON_ID, clip.id().toString()));
        assertThat(_get(LessonView.class).facts.getText()).contains("不到 1 分钟").doesNotContainPattern("(?<!不到 )1 分钟");
        UI.getCurrent().navigate(LessonView.class, new RouteParameters(LessonView.LESSON_ID, talk.id().toString()));
        assertThat(_get(LessonView.class).facts.getText()).contains("2 分钟");
    }

    @Test
    void browsing_by_category_shows_only_that_category() {
        String category = "分类" + UUID.randomUUID().toString().substring(0, 6);
        login("lecturer");
        LessonInfo inCategory = publish(new LessonDraft(talk(), "分类里的课", "周宣讲", "", category, Set.of()));
        LessonInfo other = publish(talkDraft("别处的课"));

        login("member");
        UI.getCurrent().navigate(BrowseView.class);
        BrowseView browse = _get(BrowseView.class);
        assertThat(_find(browse.lessons, RouterLink.class)).extracting(RouterLink::getText)
                .contains(inCategory.title(), other.title());
        _click(_get(browse.categories, Button.class, spec -> spec.withText(category)));
        assertThat(_find(browse.lessons, RouterLink.class)).extracting(RouterLink::getText)
                .containsExactly(inCategory.title());
        assertThat(_get(browse.categories, Button.class, spec -> spec.withText(category)).getElement()
                .getAttribute("aria-pressed")).isEqualTo("true");
    }

    @Test
    void a_course_lists_its_lessons_in_order_and_an_article_reads_aloud_and_leads_to_the_next() {
        login("lecturer");
        CourseInfo course = catalogue.createCourse("图文专题 " + UUID.randomUUID(), "两篇");
        LessonInfo article = publish(talkDraft("第一篇").asArticle("## 小标题\n\n正文第一段。").inCourse(course.id()));
        LessonInfo talk = publish(talkDraft("第二讲").inCourse(course.id()));

        login("member");
        UI.getCurrent().navigate(CourseView.class, new RouteParameters(CourseView.COURSE_ID, course.id().toString()));
        CourseView page = _get(CourseView.class);
        assertThat(_find(page.lessons, RouterLink.class)).extracting(RouterLink::getText)
                .containsExactly("第一篇", "第二讲");
        assertThat(_find(page, RouterLink.class)).extracting(RouterLink::getText).contains("开始学习：第一篇");

        UI.getCurrent().navigate(LessonView.class, new RouteParameters(LessonView.LESSON_ID, article.id().toString()));
        LessonView view = _get(LessonView.class);
        assertThat(view.facts.getText()).contains("图文", "1 分钟");
        assertThat(_get(view, Html.class).getInnerHtml()).contains("<h2>小标题</h2>", "<p>正文第一段。</p>");
        ArticleReader reader = _get(view, ArticleReader.class);
        assertThat(reader.getElement().getAttribute("duration")).isEqualTo("60.0");
        assertThat(reader.getElement().getProperty("text")).contains("第一篇", "小标题", "正文第一段。")
                .doesNotContain("#");
        assertThat(_find(view, RouterLink.class)).extracting(RouterLink::getText).contains("下一课：第二讲");
        assertThat(talk.coursePosition()).isEqualTo(2);
    }

    private LessonInfo publish(LessonDraft draft) {
        LessonInfo lesson = catalogue.createDraft(draft);
        catalogue.publish(lesson.id());
        return lesson;
    }

    private LessonDraft talkDraft(String title) {
        return new LessonDraft(talk(), title, "周宣讲", "", "党史学习", Set.of());
    }

    private UUID talk() {
        return TestTalks.ready(jdbc, "lecturer", "讲座", 600);
    }
}
