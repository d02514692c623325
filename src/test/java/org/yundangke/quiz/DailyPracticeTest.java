package org.yundangke.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.yundangke.Logins;
import org.yundangke.base.UserError;
import org.yundangke.study.LessonCompleted;

/** 每日一练: one set per member and day on every device, a new one tomorrow, wrong questions first; the 错题本. */
@SpringBootTest
@ActiveProfiles("test")
@RecordApplicationEvents
class DailyPracticeTest {

    static final String USER = "secretary";

    @Autowired
    DailyPractice daily;

    @Autowired
    Attempts attempts;

    @Autowired
    QuestionBank bank;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void aFreshMember() {
        jdbc.update("delete from attempt_question where attempt_id in (select id from quiz_attempt where username = ?"
                + " and quiz_id is null)", USER);
        jdbc.update("delete from quiz_attempt where username = ? and quiz_id is null", USER);
        jdbc.update("delete from wrong_question where username = ?", USER);
        jdbc.update("delete from quiz_studied_lesson where username = ?", USER);
        logins.as(USER);
    }

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void two_devices_drawing_the_day_at_once_share_one_set() {
        UUID first = attempts.create(null, QuizKind.DAILY, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")),
                List.of(anyQuestion()), null, 1).orElseThrow();
        assertThat(attempts.create(null, QuizKind.DAILY, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")),
                List.of(anyQuestion()), null, 1)).isEmpty();
        assertThat(daily.today()).isEqualTo(first);
    }

    private UUID anyQuestion() {
        return jdbc.queryForObject("select id from question where not retired limit 1", UUID.class);
    }

    @Test
    void the_day_has_one_set_on_every_device_and_the_next_day_a_new_one() {
        UUID today = daily.today();
        List<String> stems = stems(today);
        assertThat(stems).hasSize(DailyPractice.DAILY_QUESTIONS);
        logins.logout();
        logins.as(USER); // the tablet
        assertThat(daily.today()).isEqualTo(today);
        assertThat(stems(daily.today())).isEqualTo(stems);

        jdbc.update("update quiz_attempt set practice_day = practice_day - 1 where id = ?", today); // a day passes
        UUID tomorrow = daily.today();
        assertThat(tomorrow).isNotEqualTo(today);
        assertThat(stems(tomorrow)).hasSize(DailyPractice.DAILY_QUESTIONS).doesNotContainAnyElementsOf(stems);
    }

    @Test
    void questions_answered_wrong_come_first_and_leave_the_wrong_book_once_answered_right() {
        logins.as("lecturer");
        List<Question> two = bank.search("", 0, 2);
        logins.as(USER);
        two.forEach(q -> jdbc.update("insert into wrong_question (username, question_id, wrong_at) values (?, ?, ?)",
                USER, q.id(), java.sql.Timestamp.from(Instant.now())));
        assertThat(daily.wrongCount()).isEqualTo(2);
        assertThat(stems(daily.today())).contains(two.get(0).content().stem(), two.get(1).content().stem());

        UUID practice = daily.practiseWrong();
        assertThat(daily.practiseWrong()).as("resumed").isEqualTo(practice);
        AnswerSheet sheet = attempts.sheet(practice);
        assertThat(sheet.kind()).isEqualTo(QuizKind.WRONG_BOOK);
        AnswerSheet.Asked first = sheet.questions().getFirst();
        Question asked = two.stream().filter(q -> q.content().stem().equals(first.stem())).findFirst().orElseThrow();
        AnswerSheet.Feedback feedback = attempts.answer(practice, 0, shown(asked, first)).orElseThrow();
        assertThat(feedback.right()).isTrue();
        assertThat(daily.wrongCount()).isEqualTo(1);
    }

    @Test
    void an_empty_wrong_book_says_so() {
        assertThat(daily.wrongCount()).isZero();
        assertThatThrownBy(() -> daily.practiseWrong()).isInstanceOf(UserError.class)
                .hasMessage("quiz.wrong-book.empty");
    }

    @Test
    void questions_of_a_completed_lesson_are_drawn() {
        UUID lesson = UUID.randomUUID();
        logins.as("lecturer");
        List<Question> ofLesson = List.of(lessonQuestion(lesson, "甲"), lessonQuestion(lesson, "乙"),
                lessonQuestion(lesson, "丙"));
        logins.as(USER);
        daily.on(new LessonCompleted(USER, lesson, "课", 600, Instant.now())); // a module listener: off this thread
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from quiz_studied_lesson where username = ?", Integer.class, USER) == 1);
        assertThat(stems(daily.today())).containsAll(ofLesson.stream().map(q -> q.content().stem()).toList());
    }

    @Test
    void handing_in_the_day_answered_publishes_its_points_event_once_and_an_empty_hand_in_none() {
        UUID empty = daily.today();
        attempts.submit(empty);
        assertThat(events.stream(DailyPracticeDone.class).filter(d -> d.username().equals(USER))).isEmpty();

        jdbc.update("update quiz_attempt set practice_day = practice_day - 1 where id = ?", empty);
        UUID today = daily.today();
        for (AnswerSheet.Asked asked : attempts.sheet(today).questions()) {
            attempts.answer(today, asked.position(), asked.type() == QuestionType.FILL_IN ? List.of("答")
                    : asked.type() == QuestionType.TRUE_FALSE ? List.of(QuestionDraft.TRUE) : List.of("A"));
        }
        attempts.submit(today);
        attempts.submit(today);
        assertThat(events.stream(DailyPracticeDone.class).filter(d -> d.username().equals(USER))).hasSize(1);
        assertThat(daily.todayIfDrawn().orElseThrow().done()).isTrue();
    }

    private Question lessonQuestion(UUID lesson, String word) {
        return bank.create(new QuestionDraft(QuestionType.TRUE_FALSE, "课后题" + word + lesson, List.of(),
                List.of(QuestionDraft.TRUE), "", java.math.BigDecimal.ONE, 1, "每日一练测试/" + lesson.toString()
                .substring(0, 8), List.of(), lesson));
    }

    private List<String> stems(UUID attempt) {
        return attempts.sheet(attempt).questions().stream().map(AnswerSheet.Asked::stem).toList();
    }

    /** The right answer as this attempt shows it. */
    private static List<String> shown(Question question, AnswerSheet.Asked asked) {
        if (!question.content().type().hasOptions()) {
            return question.content().key().subList(0, 1);
        }
        List<String> letters = QuestionDraft.letters(asked.options().size());
        Set<String> rightTexts = question.content().key().stream()
                .map(k -> question.content().options().get(letters.indexOf(k))).collect(Collectors.toSet());
        return letters.stream().filter(l -> rightTexts.contains(asked.options().get(letters.indexOf(l)))).toList();
    }
}
