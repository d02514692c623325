package org.yundangke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yundangke.base.LoginThrottle;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.UserError;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonDraft;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.branch.AssistedStudy;
import org.yundangke.branch.Notices;
import org.yundangke.branch.OrgLife;
import org.yundangke.credit.CreditDocuments;
import org.yundangke.credit.Evidence;
import org.yundangke.credit.EvidenceActivity;
import org.yundangke.credit.CreditLedger;
import org.yundangke.credit.CreditRecords;
import org.yundangke.credit.LedgerEntry;
import org.yundangke.org.BranchGroups;
import org.yundangke.committee.BranchScorecards;
import org.yundangke.committee.ModelBranches;
import org.yundangke.committee.Rollups;
import org.yundangke.org.CommitteeLevel;
import org.yundangke.org.OrgDirectory;
import org.yundangke.quiz.AnswerSheet;
import org.yundangke.quiz.Attempts;
import org.yundangke.quiz.DailyPractice;
import org.yundangke.quiz.QuestionImport;
import org.yundangke.quiz.QuestionType;
import org.yundangke.quiz.QuizDraft;
import org.yundangke.quiz.QuizKind;
import org.yundangke.quiz.QuizResults;
import org.yundangke.quiz.Quizzes;
import org.yundangke.study.Assignments;
import org.yundangke.study.CompletionMatrix;
import org.yundangke.study.StudyProgress;

/**
 * The first path's services on PostgreSQL, the database of the scale-out shape, where a read-only transaction refuses
 * every write, a failed statement ends its transaction and {@code on conflict} is the real thing: a lesson published,
 * opened twice and studied to completion, its credit awarded after the commit by the real event delivery, assigned and
 * counted, exported, rolled up and corrected; questions imported, a timed test taken, passed once, credited and
 * counted, the day's practice drawn once; logins counted. The app's own Flyway migrations make a fresh schema for
 * it, dropped afterwards. Skipped without PostgreSQL (.ci/run starts one).
 */
@SpringBootTest
@ActiveProfiles("test")
@EnabledIf("postgresAvailable")
class PostgresPathTest {

    static final String SCHEMA = "path_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Autowired JdbcTemplate jdbc;
    @Autowired Logins logins;
    @Autowired Catalogue catalogue;
    @Autowired StudyProgress progress;
    @Autowired Assignments assignments;
    @Autowired CreditLedger ledger;
    @Autowired CreditRecords records;
    @Autowired CreditDocuments documents;
    @Autowired OrgDirectory directory;
    @Autowired LoginThrottle throttle;
    @Autowired StudyCalendar calendar;
    @Autowired QuestionImport imports;
    @Autowired Quizzes quizzes;
    @Autowired Attempts attempts;
    @Autowired DailyPractice daily;
    @Autowired QuizResults results;
    @Autowired BranchGroups groups;
    @Autowired CompletionMatrix matrix;
    @Autowired Notices notices;
    @Autowired AssistedStudy assisted;
    @Autowired Evidence evidence;
    @Autowired OrgLife orgLife;
    @Autowired BranchScorecards scorecards;
    @Autowired ModelBranches models;
    @Autowired Rollups rollups;

    static boolean postgresAvailable() {
        try (Connection ignored = DriverManager.getConnection(MigrationsTest.PG_URL, MigrationsTest.PG_USER,
                MigrationsTest.PG_PASSWORD)) {
            return true;
        } catch (SQLException e) {
            System.out.println("SKIPPED PostgresPathTest: no PostgreSQL at " + MigrationsTest.PG_URL);
            return false;
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> MigrationsTest.PG_URL + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> MigrationsTest.PG_USER);
        registry.add("spring.datasource.password", () -> MigrationsTest.PG_PASSWORD);
        registry.add("spring.datasource.hikari.data-source-properties.options", () -> "-c jit=off");
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("spring.flyway.create-schemas", () -> "true");
    }

    @AfterEach
    void logout() {
        logins.logout();
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(MigrationsTest.PG_URL, MigrationsTest.PG_USER,
                MigrationsTest.PG_PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    @Test
    void a_lesson_goes_from_publishing_to_credit_assignment_export_and_correction() {
        logins.as("lecturer");
        UUID talk = TestTalks.ready(jdbc, "lecturer", "PostgreSQL 上的一讲", 1800);
        LessonInfo lesson = catalogue.createDraft(new LessonDraft(talk, "PostgreSQL 上的一讲 " + talk, "周宣讲", "",
                "党史学习", Set.of()));
        catalogue.publish(lesson.id());

        logins.as("member");
        List<Long> members = directory.myBranchIds();
        progress.begin(lesson.id());
        progress.begin(lesson.id()); // the row is there: updated, not inserted twice
        // the page has been open for 20 minutes (the server's clock bounds what a report may add)
        jdbc.update("update watch_progress set last_report_at = ?, open_ms = ? where lesson_id = ?",
                Timestamp.from(calendar.now().minusSeconds(10)), 20 * 60_000, lesson.id());
        StudyProgress.Standing standing = progress.report(lesson.id(), List.of(new double[]{0, 1800}), 1800);
        assertThat(standing.completed()).isTrue();
        assertThat(progress.standing(lesson.id())).as("the batch's one statement wrote the row")
                .isEqualTo(new StudyProgress.Standing(1800, 1800, true));

        // delivered after the commit, off this thread, through the publication registry
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select count(*) from credit_entry"
                + " where source = 'LESSON' and source_id like ?", Integer.class, lesson.id() + "@%") >= 2);
        assertThat(jdbc.queryForObject("select count(*) from event_publication where completion_date is null",
                Integer.class)).isZero();

        logins.as("secretary"); // leads one of the member's branches
        long branch = directory.currentActor().ledBranchIds().stream().filter(members::contains).findFirst()
                .orElseThrow();
        assignments.assign(branch, null, lesson.id());
        assertThat(assignments.forBranch(branch)).singleElement().satisfies(a -> assertThat(a.finished()).isOne());
        int year = calendar.thisYear();
        assertThat(documents.branchWorkbook(branch, year)).isNotEmpty();
        long memberId = records.branchMonths(branch, year).stream().filter(m -> m.totalHours().signum() > 0)
                .findFirst().orElseThrow().memberId();
        LedgerEntry hours = ledger.entries(memberId, year).stream().filter(e -> e.ruleCode().startsWith("LESSON_HOURS"))
                .findFirst().orElseThrow();
        ledger.correct(hours.id(), "录错了，重新核对");
        assertThatThrownBy(() -> ledger.correct(hours.id(), "再改一次"))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("credit.correct.twice"));

        logins.as("admin");
        long city = directory.currentActor().committeeId();
        assertThat(records.committeeTotal(city, year).members()).isPositive();
        assertThat(documents.committeeWorkbook(city, year)).isNotEmpty();
    }

    @Test
    void a_branch_is_grouped_assigned_reminded_helped_and_met_on_postgres() {
        logins.as("lecturer");
        UUID talk = TestTalks.ready(jdbc, "lecturer", "支部的一讲", 1200);
        LessonInfo lesson = catalogue.createDraft(new LessonDraft(talk, "支部的一讲 " + talk, "周宣讲", "", "党史学习",
                Set.of()));
        catalogue.publish(lesson.id());
        logins.as("member");
        long member = directory.currentActor().memberId();
        logins.as("secretary");
        long branch = directory.currentActor().ledBranchIds().iterator().next();
        BranchGroups.BranchGroup group = groups.save(branch, null, "第一党小组", List.of(member));
        long offline = directory.memberAccountsOf(branch).stream().filter(m -> m.username() == null).findFirst()
                .orElseThrow().memberId();
        UUID forGroup = assignments.assign(new Assignments.NewAssignment(branch, null, lesson.id(), null,
                Assignments.Audience.group(group.id()), calendar.today().plusDays(3), "小组先学")).id();
        UUID forAll = assignments.assign(branch, null, lesson.id()).id();

        CompletionMatrix.Matrix all = matrix.of(branch, CompletionMatrix.Filter.ALL);
        assertThat(all.columns()).extracting(c -> c.study().assignment().id()).contains(forGroup, forAll);
        assertThat(matrix.of(branch, new CompletionMatrix.Filter(group.id(), false)).rows()).hasSize(1);
        assertThat(notices.nudge(branch, forAll).reminded()).isEqualTo(all.rows().size());
        assertThat(notices.nudge(branch, forAll).reminded()).as("once a day").isZero();
        notices.sendDigests();
        assertThat(jdbc.queryForObject("select count(*) from branch_notice where kind = 'DIGEST' and member_id = ?",
                Integer.class, member)).isOne();

        UUID record = assisted.record(new AssistedStudy.Help(forAll, offline, calendar.today(), "党员家中", "女儿",
                List.of()));
        evidence.approve(record);
        assertThat(ledger.entries(offline, calendar.today().getYear())).isNotEmpty()
                .allSatisfy(e -> assertThat(e.activity()).isEqualTo(EvidenceActivity.ASSISTED_STUDY));

        OrgLife.Event meeting = orgLife.schedule(new OrgLife.NewEvent(branch, OrgLife.Kind.BRANCH_MEETING,
                calendar.now().minusSeconds(3600), "支部活动室", null, "学习党章"));
        orgLife.mark(meeting.id(), member, OrgLife.Status.PRESENT);
        orgLife.mark(meeting.id(), member, OrgLife.Status.PRESENT);
        assertThat(orgLife.confirm(meeting.id())).isOne();
        assertThat(orgLife.confirm(meeting.id())).isZero();
    }

    @Test
    void a_branch_is_scored_proposed_and_rolled_up_on_postgres() {
        int year = calendar.thisYear();
        int quarter = (calendar.today().getMonthValue() - 1) / 3 + 1;
        logins.as("secretary");
        long branch = directory.currentActor().ledBranchIds().iterator().next();
        BranchScorecards.Card card = scorecards.card(branch, year, quarter);
        assertThat(card.lines()).hasSize(28);
        assertThat(card.lines()).filteredOn(l -> l.measured() != null).hasSize(7);
        models.propose(branch, year, CommitteeLevel.COUNTY, "PostgreSQL 上的推荐");
        rollups.refresh(year);
        rollups.refresh(year);
        assertThat(rollups.branch(branch, year, quarter).rows()).hasSize(directory.memberAccountsOf(branch).size());
        logins.as("province");
        Rollups.Overview province = rollups.committee(directory.currentActor().committeeId(), year, 0);
        assertThat(province.figures().members()).isEqualTo(jdbc.queryForObject("select count(*) from member",
                Long.class));
        assertThat(province.rows()).isNotEmpty();
        assertThat(province.refreshedAt()).isNotNull();
    }

    @Test
    void a_quiz_goes_from_import_to_a_timed_test_passed_credited_and_counted() {
        logins.as("lecturer");
        QuestionImport.Check check = imports.checkWorkbook(new ByteArrayInputStream(imports.template()), n -> { });
        assertThat(imports.commit(check, true, n -> { })).isEqualTo(4);
        UUID quiz = quizzes.create(new QuizDraft("PostgreSQL 上的测验", QuizKind.TEST, "", null, List.of(),
                List.of(new QuizDraft.DrawRule("党章", null, 3)), 0, 1, 30, true)).id();
        quizzes.publish(quiz);

        logins.as("member");
        UUID attempt = attempts.start(quiz);
        assertThat(attempts.start(quiz)).isEqualTo(attempt);
        attempts.extend(attempt);
        for (AnswerSheet.Asked asked : attempts.sheet(attempt).questions()) {
            attempts.answer(attempt, asked.position(), asked.type() == QuestionType.FILL_IN ? List.of("答")
                    : asked.type() == QuestionType.TRUE_FALSE ? List.of("TRUE") : List.of("A"));
        }
        assertThat(attempts.submit(attempt).result().passed()).isTrue();
        assertThat(attempts.submit(attempt).result().passed()).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select count(*) from credit_entry"
                + " where source = 'QUIZ' and source_id like ?", Integer.class, quiz + "@%") == 2);
        assertThatThrownBy(() -> attempts.start(quiz)).isInstanceOf(UserError.class).hasMessage("quiz.attempts.used");
        UUID today = daily.today();
        assertThat(daily.today()).isEqualTo(today);

        logins.as("secretary");
        assertThat(results.byBranch(quiz)).anySatisfy(b -> assertThat(b.passed()).isOne());
        assertThat(results.mostMissed(quiz)).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void login_attempts_are_counted_once_each_and_blocked_after_the_limit() {
        String address = "192.0.2." + (int) (Math.random() * 200);
        String account = "nobody-" + UUID.randomUUID();
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThat(throttle.admit(account, address)).isEmpty();
            throttle.wrongPassword(address);
        }
        assertThat(throttle.admit(account, address)).isPresent(); // the third comes too soon after the second
        assertThat(jdbc.queryForObject("select failures from login_failure where subject like ?", Integer.class,
                "%" + account)).isEqualTo(2);
    }
}
