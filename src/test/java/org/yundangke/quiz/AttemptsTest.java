package org.yundangke.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.yundangke.Logins;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.UserError;

/**
 * Taking quizzes as members do: the key stays on the server, answers are kept as they are given, a submission is
 * graded once, a pass earns credit once a year, a time limit can always be extended.
 */
@SpringBootTest
@ActiveProfiles("test")
@RecordApplicationEvents
class AttemptsTest {

    @Autowired
    QuestionBank bank;

    @Autowired
    Quizzes quizzes;

    @Autowired
    Attempts attempts;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StudyCalendar calendar;

    @Autowired
    ApplicationEvents events;

    @AfterEach
    void logout() {
        logins.logout();
    }

    Question single;
    Question multiple;

    UUID quiz(QuizKind kind, Integer maxAttempts, Integer minutes) {
        logins.as("lecturer");
        String tag = UUID.randomUUID().toString();
        single = bank.create(GradingTest.question(QuestionType.SINGLE, List.of("北京", "上海", "广州", "武汉"),
                List.of("B"), "1").withStem("中共一大在哪里开幕？" + tag));
        multiple = bank.create(GradingTest.question(QuestionType.MULTIPLE, List.of("甲", "乙", "丙", "丁"),
                List.of("A", "C"), "2").withStem("选出甲和丙。" + tag));
        UUID id = quizzes.create(new QuizDraft("测验 " + tag, kind, "", null, List.of(single.id(), multiple.id()),
                List.of(), 60, maxAttempts, minutes, true)).id();
        quizzes.publish(id);
        logins.as("member");
        return id;
    }

    /** The shown letters of these option texts on this attempt's screen. */
    static List<String> shownLetters(AnswerSheet.Asked asked, String... texts) {
        List<String> letters = QuestionDraft.letters(asked.options().size());
        return List.of(texts).stream().map(t -> letters.get(asked.options().indexOf(t))).sorted().toList();
    }

    @Test
    void the_key_stays_on_the_server_until_a_test_is_submitted_then_every_answer_is_explained() {
        UUID attempt = attempts.start(quiz(QuizKind.TEST, null, null));
        AnswerSheet sheet = attempts.sheet(attempt);
        assertThat(sheet.questions()).hasSize(2).allSatisfy(q -> assertThat(q.feedback()).isNull());
        assertThat(attempts.answer(attempt, 0, shownLetters(sheet.questions().get(0), "上海"))).isEmpty();
        assertThat(attempts.sheet(attempt).questions()).allSatisfy(q -> assertThat(q.feedback()).isNull());

        AnswerSheet done = attempts.submit(attempt);
        assertThat(done.result().score()).isEqualByComparingTo("1");
        assertThat(done.result().maxScore()).isEqualByComparingTo("3");
        assertThat(done.result().passed()).isFalse();
        AnswerSheet.Asked first = done.questions().get(0);
        assertThat(first.feedback().right()).isTrue();
        assertThat(first.feedback().rightAnswer()).isEqualTo(shownLetters(first, "上海"));
        assertThat(done.questions().get(1).feedback().right()).isFalse();
        assertThat(done.questions().get(1).feedback().rightAnswer())
                .isEqualTo(shownLetters(done.questions().get(1), "甲", "丙"));
    }

    @Test
    void options_are_shuffled_per_attempt_and_answers_given_in_shown_letters_grade_against_the_authors_key() {
        UUID quiz = quiz(QuizKind.TEST, null, null);
        boolean reordered = false;
        for (int i = 0; i < 8 && !reordered; i++) {
            UUID attempt = attempts.start(quiz);
            AnswerSheet.Asked asked = attempts.sheet(attempt).questions().get(0);
            reordered = !asked.options().equals(single.content().options());
            attempts.answer(attempt, 0, shownLetters(asked, "上海"));
            assertThat(attempts.submit(attempt).questions().get(0).feedback().earned()).isEqualByComparingTo("1");
        }
        assertThat(reordered).as("in eight attempts the four options came in another order at least once").isTrue();
    }

    @Test
    void practice_shows_the_answer_and_its_explanation_at_once_and_partial_credit_applies() {
        UUID attempt = attempts.start(quiz(QuizKind.PRACTICE, null, null));
        AnswerSheet.Asked second = attempts.sheet(attempt).questions().get(1);
        AnswerSheet.Feedback feedback = attempts.answer(attempt, 1, shownLetters(second, "甲")).orElseThrow();
        assertThat(feedback.right()).isFalse();
        assertThat(feedback.earned()).isEqualByComparingTo("1");
        assertThat(feedback.rightAnswer()).isEqualTo(shownLetters(second, "甲", "丙"));
        assertThat(attempts.sheet(attempt).questions().get(1).feedback()).isEqualTo(feedback);
        assertThat(attempts.sheet(attempt).questions().get(0).feedback()).as("not answered yet").isNull();
        assertThat(attempts.submit(attempt).result().passed()).as("practice has no pass mark").isNull();
    }

    @Test
    void an_attempt_resumes_in_another_session_with_its_answers_and_nobody_else_can_read_it() {
        UUID quiz = quiz(QuizKind.TEST, null, null);
        UUID attempt = attempts.start(quiz);
        AnswerSheet.Asked first = attempts.sheet(attempt).questions().get(0);
        attempts.answer(attempt, 0, shownLetters(first, "广州"));
        logins.logout();

        logins.as("member"); // the tablet, after the phone's battery died
        assertThat(attempts.start(quiz)).isEqualTo(attempt);
        AnswerSheet resumed = attempts.sheet(attempt);
        assertThat(resumed.questions().get(0).options()).isEqualTo(first.options());
        assertThat(resumed.questions().get(0).answer()).isEqualTo(shownLetters(first, "广州"));
        assertThat(resumed.unanswered()).isEqualTo(1);

        logins.as("secretary");
        assertThatThrownBy(() -> attempts.sheet(attempt)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attempts.answer(attempt, 0, List.of("A"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_pass_publishes_quiz_passed_once_per_member_quiz_and_year_however_often_submitted() {
        UUID quiz = quiz(QuizKind.TEST, null, null);
        UUID attempt = passedAttempt(quiz);
        attempts.submit(attempt);
        assertThat(attempts.submit(attempt).result().passed()).isTrue();
        assertThat(passes(quiz)).as("three submissions of one attempt").isEqualTo(1);
        passedAttempt(quiz);
        assertThat(passes(quiz)).as("a second pass in the same year").isEqualTo(1);
        assertThat(attempts.standing(quiz).attemptsUsed()).isEqualTo(2);
        assertThat(attempts.standing(quiz).best()).isEqualByComparingTo("3");

        jdbc.update("update quiz_pass set study_year = study_year - 1 where quiz_id = ?", quiz);
        passedAttempt(quiz);
        assertThat(passes(quiz)).as("passed again in a new year").isEqualTo(2);
    }

    @Test
    void attempts_end_when_the_quiz_allows_no_more_and_a_submitted_sheet_cannot_change() {
        UUID quiz = quiz(QuizKind.TEST, 1, null);
        UUID attempt = passedAttempt(quiz);
        assertThatThrownBy(() -> attempts.answer(attempt, 0, List.of("A"))).isInstanceOf(UserError.class)
                .hasMessage("quiz.already-submitted");
        assertThatThrownBy(() -> attempts.start(quiz)).isInstanceOf(UserError.class).hasMessage("quiz.attempts.used");
    }

    @Test
    void untimed_by_default_and_a_timed_paper_can_be_extended_ten_times_before_its_time_is_up() {
        UUID untimed = attempts.start(quiz(QuizKind.TEST, null, null));
        assertThat(attempts.sheet(untimed).deadline()).isNull();
        assertThatThrownBy(() -> attempts.extend(untimed)).isInstanceOf(UserError.class)
                .hasMessage("quiz.extend.not-timed");

        UUID quiz = quiz(QuizKind.TEST, null, 20);
        UUID timed = attempts.start(quiz);
        java.time.Instant deadline = attempts.sheet(timed).deadline();
        assertThat(Duration.between(calendar.now(), deadline)).isBetween(Duration.ofMinutes(19),
                Duration.ofMinutes(20));
        assertThat(attempts.extend(timed)).as("the whole limit again").isEqualTo(deadline.plus(Duration.ofMinutes(20)));
        for (int i = 1; i < Attempts.EXTENSIONS; i++) {
            attempts.extend(timed);
        }
        assertThat(attempts.sheet(timed).extensionsLeft()).isZero();
        assertThatThrownBy(() -> attempts.extend(timed)).isInstanceOf(UserError.class).hasMessage("quiz.extend.used");
        attempts.answer(timed, 0, List.of("A"));

        jdbc.update("update quiz_attempt set deadline_at = ? where id = ?",
                java.sql.Timestamp.from(calendar.now().minus(Attempts.GRACE).minusSeconds(1)), timed);
        assertThatThrownBy(() -> attempts.answer(timed, 0, List.of("B"))).isInstanceOf(UserError.class)
                .hasMessage("quiz.time-up");
        assertThatThrownBy(() -> attempts.extend(timed)).isInstanceOf(UserError.class).hasMessage("quiz.time-up");
        UUID next = attempts.start(quiz);
        assertThat(next).as("the run-out attempt is handed in as it stood, a new one starts").isNotEqualTo(timed);
        assertThat(attempts.sheet(timed).submitted()).isTrue();
        assertThat(attempts.standing(quiz).attemptsUsed()).isEqualTo(1);
    }

    @Test
    void two_devices_starting_the_same_attempt_at_once_get_one_attempt() {
        UUID quiz = quiz(QuizKind.TEST, 1, null);
        UUID first = attempts.create(quiz, QuizKind.TEST, null, List.of(single.id()), null, 1).orElseThrow();
        assertThat(attempts.create(quiz, QuizKind.TEST, null, List.of(single.id()), null, 1)).isEmpty();
        assertThat(attempts.start(quiz)).isEqualTo(first);
    }

    @Test
    void practice_never_draws_the_questions_of_a_test_with_fixed_questions() {
        UUID test = quiz(QuizKind.TEST, null, null); // its two questions are fixed, in category 党史
        logins.as("lecturer");
        UUID practice = quizzes.create(new QuizDraft("练习 " + UUID.randomUUID(), QuizKind.PRACTICE, "", null,
                List.of(), List.of(new QuizDraft.DrawRule("党史", null, 100)), 0, null, null, true)).id();
        quizzes.publish(practice);
        logins.as("member");
        List<String> drawn = attempts.sheet(attempts.start(practice)).questions().stream()
                .map(AnswerSheet.Asked::stem).toList();
        assertThat(drawn).isNotEmpty().doesNotContain(single.content().stem(), multiple.content().stem());
        assertThat(attempts.sheet(attempts.start(test)).questions()).hasSize(2);
    }

    @Test
    void a_question_edited_after_it_was_asked_stays_as_asked_for_that_attempt() {
        UUID quiz = quiz(QuizKind.TEST, null, null);
        UUID attempt = attempts.start(quiz);
        String asked = attempts.sheet(attempt).questions().get(0).stem();
        logins.as("lecturer");
        Question edited = bank.edit(single.id(), single.content().withStem("改过的题干").withKey(List.of("C")));
        assertThat(edited.version()).isEqualTo(2);
        logins.as("member");
        AnswerSheet sheet = attempts.sheet(attempt);
        assertThat(sheet.questions().get(0).stem()).isEqualTo(asked);
        attempts.answer(attempt, 0, shownLetters(sheet.questions().get(0), "上海"));
        assertThat(attempts.submit(attempt).questions().get(0).feedback().right()).as("graded by the key it was asked with")
                .isTrue();
        assertThat(attempts.sheet(attempts.start(quiz)).questions().get(0).stem()).isEqualTo("改过的题干");
    }

    @Test
    void wrong_answers_enter_the_wrong_book_and_a_right_one_takes_them_out() {
        UUID quiz = quiz(QuizKind.TEST, null, null);
        UUID attempt = attempts.start(quiz);
        attempts.answer(attempt, 0, shownLetters(attempts.sheet(attempt).questions().get(0), "北京"));
        attempts.submit(attempt);
        assertThat(wrong(single.id())).isEqualTo(1);
        assertThat(wrong(multiple.id())).as("not answered is not right either").isEqualTo(1);
        passedAttempt(quiz);
        assertThat(wrong(single.id())).isZero();
        assertThat(wrong(multiple.id())).isZero();
    }

    private UUID passedAttempt(UUID quiz) {
        UUID attempt = attempts.start(quiz);
        AnswerSheet sheet = attempts.sheet(attempt);
        attempts.answer(attempt, 0, shownLetters(sheet.questions().get(0), "上海"));
        attempts.answer(attempt, 1, shownLetters(sheet.questions().get(1), "甲", "丙"));
        assertThat(attempts.submit(attempt).result().passed()).isTrue();
        return attempt;
    }

    private long passes(UUID quiz) {
        return events.stream(QuizPassed.class).filter(p -> p.quizId().equals(quiz)).count();
    }

    private int wrong(UUID question) {
        return jdbc.queryForObject("select count(*) from wrong_question where username = 'member' and question_id = ?",
                Integer.class, question);
    }

    @Test
    void scores_add_up_in_tenths() {
        assertThat(QuestionBank.sum(List.of(new BigDecimal("0.5"), new BigDecimal("1.5")))).isEqualByComparingTo("2");
    }
}
