package org.yundangke.quiz.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yundangke.KaribuTest;
import org.yundangke.base.DisplayPreferences;
import org.yundangke.base.FontStep;
import org.yundangke.quiz.AnswerSheet;
import org.yundangke.quiz.QuestionBank;
import org.yundangke.quiz.QuestionType;
import org.yundangke.quiz.QuizDraft;
import org.yundangke.quiz.QuizInfo;
import org.yundangke.quiz.QuizKind;
import org.yundangke.quiz.Quizzes;

/** A member takes the demo's topical test to the end through the pages, at the largest font step. */
class QuizPagesTest extends KaribuTest {

    @Autowired
    DisplayPreferences preferences;

    @Autowired
    QuestionBank bank;

    @Autowired
    org.yundangke.catalogue.Catalogue catalogue;

    @Autowired
    Quizzes quizzes;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    org.yundangke.base.StudyCalendar calendar;

    @Test
    void a_member_takes_a_test_to_the_end_at_the_largest_font_step_and_reads_every_explanation_only_afterwards() {
        login("lecturer");
        List<String> explanations = bank.search("", 0, 500).stream().map(q -> q.content().explanation())
                .filter(e -> !e.isEmpty()).toList();
        login("member");
        preferences.saveFontStep("member", FontStep.HUGE);
        UI.getCurrent().navigate(QuizzesView.class);
        QuizzesView list = _get(QuizzesView.class);
        RouterLink card = _find(list.tests, RouterLink.class).stream()
                .filter(l -> l.getElement().getTextRecursively().contains("党章知识测验")).findFirst().orElseThrow();
        assertThat(card.getElement().getTextRecursively()).contains("10 道题", "不限时间", "还没做过");
        UI.getCurrent().navigate(card.getHref());

        QuizView quiz = _get(QuizView.class);
        quiz.start.click();
        AttemptView attempt = _get(AttemptView.class);
        assertThat(attempt.sheet.questions()).hasSize(10);
        assertThat(attempt.timeNote.getText()).isEqualTo("不限时间，慢慢答。");
        assertThat(attempt.moreTime.isVisible()).isFalse();
        for (int i = 0; i < 10; i++) {
            assertThat(attempt.progress.getText()).isEqualTo("第 " + (i + 1) + " 题，共 10 题");
            assertThat(attempt.getElement().getTextRecursively()).as("no explanation before handing in")
                    .doesNotContain(explanations);
            if (i != 3) { // one left open for the summary to show
                answerWithTheFirstChoice(attempt);
            }
            if (i < 9) {
                attempt.next.click();
            }
        }
        attempt.overview.click();
        assertThat(attempt.body.getElement().getTextRecursively()).contains("还有 1 道题没答", "第 4 题：还没答");
        Button submit = _find(attempt.body, Button.class).stream().filter(b -> b.getText().equals("交卷"))
                .findFirst().orElseThrow();
        submit.click();

        AnswerSheet done = attempt.sheet;
        assertThat(done.submitted()).isTrue();
        String page = attempt.body.getElement().getTextRecursively();
        assertThat(page).contains("满分 " + QuizTexts.number(done.result().maxScore()), "没有作答", "解析：");
        assertThat(done.questions().stream().map(q -> q.feedback().explanation()).filter(e -> !e.isEmpty()))
                .allSatisfy(e -> assertThat(page).contains(e));
        assertThat(preferences.fontStep("member")).isEqualTo(FontStep.HUGE);
        preferences.saveFontStep("member", FontStep.STANDARD);
    }

    @Test
    void practice_explains_each_answer_at_once() {
        login("member");
        UI.getCurrent().navigate(QuizzesView.class);
        RouterLink card = _find(_get(QuizzesView.class).practice, RouterLink.class).getFirst();
        UI.getCurrent().navigate(card.getHref());
        _get(QuizView.class).start.click();
        AttemptView attempt = _get(AttemptView.class);
        assertThat(attempt.feedback.getChildren()).isEmpty();
        answerWithTheFirstChoice(attempt);
        assertThat(attempt.feedback.getElement().getTextRecursively()).containsAnyOf("答对了", "答得不对")
                .contains("正确答案");
        assertThat(_find(attempt.options, Button.class)).as("the answer given stays as it was")
                .filteredOn(b -> b.getElement().getAttribute("aria-pressed") != null)
                .allSatisfy(b -> assertThat(b.isEnabled()).isFalse());
    }

    @Test
    void a_lecturer_makes_a_test_by_draw_rules_publishes_it_and_a_member_finds_it() {
        login("lecturer");
        UI.getCurrent().navigate(QuizManagerView.class);
        QuizManagerView manager = _get(QuizManagerView.class);
        String name = "党章小测 " + UUID.randomUUID().toString().substring(0, 6);
        manager.create.click();
        assertThat(manager.list.getElement().getTextRecursively()).as("no name, no rules: refused")
                .doesNotContain(name);
        manager.title.setValue(name);
        List<org.yundangke.quiz.Question> chosen = bank.search("遵义会议", 0, 2);
        assertThat(chosen).isNotEmpty();
        manager.fixed.setValue(java.util.Set.copyOf(chosen));
        manager.categories.getFirst().setValue("党章");
        manager.counts.getFirst().setValue(5);
        manager.create.click();
        assertThat(manager.list.getElement().getTextRecursively()).contains(name, "草稿")
                .contains((5 + chosen.size()) + " 道题");

        login("member");
        UI.getCurrent().navigate(QuizzesView.class);
        assertThat(_get(QuizzesView.class).tests.getElement().getTextRecursively()).doesNotContain(name);

        login("lecturer");
        UI.getCurrent().navigate(QuizManagerView.class);
        manager = _get(QuizManagerView.class);
        _find(manager.list, Button.class).stream().filter(b -> b.getText().equals("发布")).findFirst().orElseThrow()
                .click();
        login("member");
        UI.getCurrent().navigate(QuizzesView.class);
        assertThat(_get(QuizzesView.class).tests.getElement().getTextRecursively()).contains(name);
    }

    @Test
    void a_completed_lesson_offers_its_test() {
        login("lecturer");
        String tag = UUID.randomUUID().toString().substring(0, 6);
        org.yundangke.catalogue.LessonInfo lesson = catalogue.createDraft(new org.yundangke.catalogue.LessonDraft(null,
                "课后有测验的课 " + tag, "周宣讲", "", "党史学习", java.util.Set.of(), java.util.Set.of(), "", null,
                "一篇短文。"));
        catalogue.publish(lesson.id());
        QuizInfo test = quizzes.create(new QuizDraft("课后测验 " + tag, QuizKind.TEST, "", lesson.id(), List.of(),
                List.of(new QuizDraft.DrawRule("党史", null, 2)), 60, null, null, true));
        quizzes.publish(test.id());

        login("member");
        UI.getCurrent().navigate("lessons/" + lesson.id());
        assertThat(_find(com.vaadin.flow.component.html.Anchor.class)).as("not before it is completed")
                .noneMatch(a -> a.getText().contains(test.title()));
        jdbc.update("insert into lesson_completion (username, lesson_id, study_year, completed_at) values (?, ?, ?, ?)",
                "member", lesson.id(), calendar.thisYear(), java.sql.Timestamp.from(calendar.now()));
        UI.getCurrent().navigate(QuizzesView.class);
        UI.getCurrent().navigate("lessons/" + lesson.id());
        com.vaadin.flow.component.html.Anchor offer = _find(com.vaadin.flow.component.html.Anchor.class).stream()
                .filter(a -> a.getText().contains(test.title())).findFirst().orElseThrow();
        assertThat(offer.getHref()).isEqualTo("quizzes/" + test.id());
    }

    @Test
    void a_timed_paper_warns_before_its_time_is_up_and_gives_more_time_with_one_tap() {
        login("lecturer");
        QuizInfo timed = quizzes.create(new QuizDraft("限时测验 " + UUID.randomUUID().toString().substring(0, 6),
                QuizKind.TEST, "", null, List.of(), List.of(new QuizDraft.DrawRule("党史", null, 2)), 60, null, 10,
                true));
        quizzes.publish(timed.id());
        login("member");
        UI.getCurrent().navigate("quizzes/" + timed.id());
        _get(QuizView.class).start.click();
        AttemptView attempt = _get(AttemptView.class);
        assertThat(attempt.timeNote.getText()).startsWith("请在 ");
        assertThat(attempt.timeBar.hasClassName("ydk-time-warning")).isFalse();
        assertThat(attempt.moreTime.isVisible()).isTrue();

        jdbc.update("update quiz_attempt set deadline_at = ? where id = ?",
                java.sql.Timestamp.from(calendar.now().plusSeconds(130)), attempt.sheet.attemptId());
        UI.getCurrent().navigate("attempts/" + attempt.sheet.attemptId());
        attempt = _get(AttemptView.class);
        assertThat(attempt.timeNote.getText()).startsWith("还剩 2 分钟");
        assertThat(attempt.timeBar.hasClassName("ydk-time-warning")).isTrue();
        attempt.moreTime.click();
        assertThat(attempt.timeBar.hasClassName("ydk-time-warning")).as("ten more minutes").isFalse();
        assertThat(attempt.sheet.extensionsLeft()).isEqualTo(9);
    }

    @Test
    void an_unknown_attempt_shows_the_friendly_refusal() {
        login("member");
        UI.getCurrent().navigate("attempts/" + UUID.randomUUID());
        assertThat(_find(AttemptView.class)).isEmpty();
    }

    private static void answerWithTheFirstChoice(AttemptView attempt) {
        AnswerSheet.Asked asked = attempt.sheet.questions().get(attempt.at);
        if (asked.type() == QuestionType.FILL_IN) {
            _get(attempt.options, TextField.class).setValue("不知道");
            _find(attempt.options, Button.class).getFirst().click();
            return;
        }
        List<Button> options = _find(attempt.options, Button.class);
        options.getFirst().click();
        if (asked.type() == QuestionType.MULTIPLE) {
            options = _find(attempt.options, Button.class);
            options.get(1).click();
            _find(attempt.options, Button.class).getLast().click(); // 确定答案
        }
        assertThat(attempt.sheet.questions().get(attempt.at).answer()).isNotEmpty();
    }
}
