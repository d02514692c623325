package org.yundangke.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Logins;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.UserError;
import org.yundangke.org.OrgDirectory;
import org.yundangke.study.AssignableWork;
import org.yundangke.study.Assignments;

/**
 * A secretary assigns a test like a lesson: it comes first on the member's to-do until they pass it (or have no
 * attempt left), and the branch's study page counts who has done it.
 */
@SpringBootTest
@ActiveProfiles("test")
class QuizAssignmentsTest {

    @Autowired
    Assignments assignments;

    @Autowired
    QuestionBank bank;

    @Autowired
    Quizzes quizzes;

    @Autowired
    Attempts attempts;

    @Autowired
    OrgDirectory directory;

    @Autowired
    StudyCalendar calendar;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    long meiyuan;

    @BeforeEach
    void noAssignments() {
        logins.as("secretary");
        meiyuan = directory.currentActor().ledBranchIds().iterator().next();
        jdbc.update("delete from study_assignment where branch_id = ?", meiyuan);
    }

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void an_assigned_test_is_first_to_do_until_passed_and_the_secretary_sees_who_has_done_it() {
        UUID test = test(2, true);
        LocalDate by = calendar.today().plusDays(5);
        logins.as("secretary");
        assertThat(assignments.workChoices()).extracting(AssignableWork.Work::id).contains(test);
        Assignments.Assignment made = assignments.assignWork(meiyuan, test, by);
        assertThatThrownBy(() -> assignments.assignWork(meiyuan, test, null)).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.messageKey()).isEqualTo("assignment.duplicate"));
        assertThat(memberStanding(made)).satisfies(s -> assertThat(s.started()).isFalse());

        logins.as("member");
        assertThat(assignments.workToDo()).first().satisfies(t -> {
            assertThat(t.work().id()).isEqualTo(test);
            assertThat(t.work().path()).isEqualTo("quizzes/" + test);
            assertThat(t.work().kind()).isEqualTo("quiz.kind.test");
            assertThat(t.dueOn()).isEqualTo(by);
        });
        UUID failed = attempts.start(test);
        attempts.submit(failed); // nothing answered: not passed, one attempt left
        assertThat(assignments.workToDo()).extracting(t -> t.work().id()).contains(test);
        logins.as("secretary");
        assertThat(memberStanding(made)).satisfies(s -> {
            assertThat(s.started()).isTrue();
            assertThat(s.finished()).isFalse();
        });
        assertThat(forBranch(made).finished()).isZero();

        logins.as("member");
        pass(test);
        assertThat(assignments.workToDo()).extracting(t -> t.work().id()).doesNotContain(test);
        logins.as("secretary");
        assertThat(memberStanding(made).finished()).isTrue();
        assertThat(forBranch(made)).satisfies(a -> {
            assertThat(a.finished()).isOne();
            assertThat(a.study().title()).startsWith("布置的测验");
        });
    }

    @Test
    void a_test_with_no_attempt_left_is_done_for_the_member_though_not_passed() {
        UUID test = test(1, true);
        logins.as("secretary");
        Assignments.Assignment made = assignments.assignWork(meiyuan, test, null);
        logins.as("member");
        attempts.submit(attempts.start(test));
        assertThat(assignments.workToDo()).extracting(t -> t.work().id()).doesNotContain(test);
        logins.as("secretary");
        assertThat(memberStanding(made).finished()).isTrue();
    }

    @Test
    void only_published_quizzes_in_the_secretarys_reach_are_assigned() {
        UUID draft = test(null, false);
        logins.as("secretary");
        assertThat(assignments.workChoices()).extracting(AssignableWork.Work::id).doesNotContain(draft);
        assertThatThrownBy(() -> assignments.assignWork(meiyuan, draft, null))
                .isInstanceOf(AccessDeniedException.class);
        UUID test = test(null, true);
        logins.as("secretary");
        long otherBranch = jdbc.queryForObject("select min(id) from branch where id <> ?", Long.class, meiyuan);
        assertThatThrownBy(() -> assignments.assignWork(otherBranch, test, null))
                .isInstanceOf(AccessDeniedException.class);
        logins.as("member");
        assertThatThrownBy(() -> assignments.assignWork(meiyuan, test, null))
                .isInstanceOf(AccessDeniedException.class);
    }

    private UUID test(Integer maxAttempts, boolean publish) {
        logins.as("lecturer");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Question question = bank.create(GradingTest.question(QuestionType.TRUE_FALSE, List.of(),
                List.of(QuestionDraft.TRUE), "1").withStem("党章规定党的最高领导机关是党的全国代表大会。" + tag));
        UUID id = quizzes.create(new QuizDraft("布置的测验 " + tag, QuizKind.TEST, "", null, List.of(question.id()),
                List.of(), 60, maxAttempts, null, true)).id();
        if (publish) {
            quizzes.publish(id);
        }
        return id;
    }

    private void pass(UUID test) {
        UUID attempt = attempts.start(test);
        attempts.answer(attempt, 0, List.of(QuestionDraft.TRUE));
        assertThat(attempts.submit(attempt).result().passed()).isTrue();
    }

    private Assignments.MemberStanding memberStanding(Assignments.Assignment made) {
        return assignments.standings(made.id()).stream().filter(s -> "member".equals(s.member().username()))
                .findFirst().orElseThrow();
    }

    private Assignments.BranchAssignment forBranch(Assignments.Assignment made) {
        return assignments.forBranch(meiyuan).stream().filter(a -> a.study().assignment().id().equals(made.id()))
                .findFirst().orElseThrow();
    }
}
