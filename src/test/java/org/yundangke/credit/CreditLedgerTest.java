package org.yundangke.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import org.yundangke.Logins;
import org.yundangke.base.UserError;
import org.yundangke.live.LiveAttended;
import org.yundangke.org.OrgDirectory;
import org.yundangke.quiz.QuizPassed;
import org.yundangke.quiz.DailyPracticeDone;
import org.yundangke.study.LessonCompleted;

/**
 * The ledger: one entry per award however often or concurrently its event arrives, caps recorded as capped, rules
 * that change from a date and never back, corrections as reversing entries. Days far in the future keep each test's
 * caps and rules apart from the others'.
 */
@SpringBootTest
@ActiveProfiles("test")
class CreditLedgerTest {

    @Autowired
    CreditAwards awards;

    @Autowired
    CreditLedger ledger;

    @Autowired
    CreditRules rules;

    @Autowired
    CreditRecords records;

    @Autowired
    OrgDirectory directory;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    long member;

    @BeforeEach
    void theDemoMember() {
        member = directory.memberIdOf("member").orElseThrow();
    }

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void a_completed_lesson_delivered_twice_is_credited_once() {
        LessonCompleted done = new LessonCompleted("member", UUID.randomUUID(), "红船精神", 45 * 60,
                at(LocalDate.of(2040, 3, 5)));
        transaction.executeWithoutResult(tx -> events.publishEvent(done)); // study's way: after its commit
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select count(*) from"
                + " event_publication where serialized_event like ? and completion_date is not null"
                + " and listener_id like '%CreditAwards%'", Integer.class, "%" + done.lessonId() + "%") == 1);
        awards.credit(done); // redelivered: a crash after the awards but before the publication was marked complete
        List<LedgerEntry> entries = entriesFor(done.lessonId() + "@2040");
        assertThat(entries).extracting(LedgerEntry::ruleCode)
                .containsExactlyInAnyOrder("LESSON_HOURS_LONG", "LESSON_POINTS", "WATCH_POINTS");
        assertThat(entries).filteredOn(e -> e.ruleCode().equals("WATCH_POINTS")).singleElement()
                .satisfies(e -> assertThat(e.amount()).isEqualByComparingTo("9")); // 45 minutes, 1 per 5
        assertThat(entries).filteredOn(e -> e.ruleCode().equals("LESSON_HOURS_LONG")).singleElement()
                .satisfies(e -> assertThat(e.title()).isEqualTo("红船精神"));
    }

    @Test
    void the_same_event_arriving_concurrently_is_credited_once() throws Exception {
        QuizPassed passed = new QuizPassed("member", UUID.randomUUID(), "党章知识测试", at(LocalDate.of(2041, 1, 7)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Void> deliver = () -> {
            start.await();
            awards.credit(passed);
            return null;
        };
        List<Future<Void>> runs = pool.invokeAll(List.of(deliver, deliver, deliver, deliver).stream()
                .map(c -> (Callable<Void>) () -> {
                    start.countDown();
                    return c.call();
                }).toList());
        for (Future<Void> run : runs) {
            run.get();
        }
        pool.shutdown();
        assertThat(entriesFor(passed.quizId() + "@2041")).extracting(LedgerEntry::ruleCode)
                .containsExactlyInAnyOrder("QUIZ_HOURS", "QUIZ_POINTS");
        assertThat(total(2041, "study_hours")).isEqualByComparingTo("0.5");
    }

    @Test
    void lesson_length_decides_the_study_hours() {
        LocalDate day = LocalDate.of(2042, 5, 1);
        assertThat(awards.lengthTier(30, day)).isEqualTo("LESSON_HOURS_LONG");
        assertThat(awards.lengthTier(29.9, day)).isEqualTo("LESSON_HOURS_MEDIUM");
        assertThat(awards.lengthTier(15, day)).isEqualTo("LESSON_HOURS_MEDIUM");
        assertThat(awards.lengthTier(3, day)).isEqualTo("LESSON_HOURS_SHORT");
        LiveAttended live = new LiveAttended(member, UUID.randomUUID(), "网上报告会", 20, at(day));
        awards.credit(live);
        assertThat(entriesFor(live.liveId() + "@2042")).extracting(LedgerEntry::ruleCode, LedgerEntry::amount)
                .extracting(t -> t.toList().get(0) + "=" + ((BigDecimal) t.toList().get(1)).stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("LESSON_HOURS_MEDIUM=0.5", "LIVE_POINTS=2");
    }

    @Test
    void a_talk_earns_once_whether_attended_live_or_studied_as_its_replay() {
        UUID attendedLive = UUID.randomUUID();
        UUID watchedReplay = UUID.randomUUID();
        UUID replayOne = UUID.randomUUID();
        UUID replayTwo = UUID.randomUUID();
        liveSessionWithReplay(attendedLive, replayOne);
        liveSessionWithReplay(watchedReplay, replayTwo);
        LocalDate day = LocalDate.of(2044, 6, 1);

        awards.credit(new LiveAttended(member, attendedLive, "网上报告会", 60, at(day)));
        awards.credit(new LessonCompleted("member", replayOne, "网上报告会（回放）", 60 * 60, at(day.plusDays(1))));
        assertThat(entriesFor(attendedLive + "@2044")).isNotEmpty();
        assertThat(entriesFor(replayOne + "@2044")).as("the replay of a talk attended live").isEmpty();

        awards.credit(new LessonCompleted("member", replayTwo, "另一场报告会（回放）", 60 * 60, at(day)));
        awards.credit(new LiveAttended(member, watchedReplay, "另一场报告会", 60, at(day.plusDays(1))));
        assertThat(entriesFor(replayTwo + "@2044")).isNotEmpty();
        assertThat(entriesFor(watchedReplay + "@2044")).as("live attendance after the replay").isEmpty();

        long other = jdbc.queryForObject("select min(id) from member where id <> ?", Long.class, member);
        awards.credit(new LiveAttended(other, watchedReplay, "另一场报告会", 60, at(day)));
        assertThat(jdbc.queryForObject("select count(*) from credit_entry where member_id = ? and source_id = ?",
                Integer.class, other, watchedReplay + "@2044")).as("another member, who did not watch the replay")
                .isPositive();
    }

    private void liveSessionWithReplay(UUID session, UUID lesson) {
        awards.link(new org.yundangke.live.LiveReplayPublished(session, lesson));
        awards.link(new org.yundangke.live.LiveReplayPublished(session, lesson)); // delivered twice: kept once
    }

    @Test
    void the_daily_cap_cuts_and_then_zeroes_awards_and_says_so() {
        LocalDate day = LocalDate.of(2043, 4, 2);
        for (int i = 0; i < 3; i++) { // 30-minute lessons: 6 watching points each, 10 a day at most
            awards.credit(new LessonCompleted("member", UUID.randomUUID(), "第" + i + "讲", 30 * 60, at(day)));
        }
        List<LedgerEntry> watching = jdbc.query("select * from credit_entry where member_id = ? and occurred_on = ?"
                + " and rule_code = 'WATCH_POINTS' order by id", (rs, n) -> new LedgerEntry(rs.getLong("id"), member,
                2043, CreditKind.POINTS, rs.getBigDecimal("amount"), "WATCH_POINTS", 1, CreditSource.LESSON, "",
                rs.getString("capped_reason"), null, null, "", "", day, java.time.Instant.now(), null), member, day);
        assertThat(watching).extracting(e -> e.amount().stripTrailingZeros().toPlainString() + " " + e.cappedReason())
                .containsExactly("6 null", "4 DAILY_CAP", "0 DAILY_CAP");
        assertThat(total(2043, "points")).isEqualByComparingTo("13"); // 10 watching + 3 lessons
    }

    @Test
    void a_days_practice_earns_its_point_once_a_day() {
        LocalDate day = LocalDate.of(2050, 5, 6);
        awards.credit(new DailyPracticeDone("member", day, "每日一练", at(day)));
        awards.credit(new DailyPracticeDone("member", day, "每日一练", at(day)));
        assertThat(entriesFor("daily@" + day)).singleElement().satisfies(e -> {
            assertThat(e.ruleCode()).isEqualTo(CreditRule.DAILY_PRACTICE_POINTS);
            assertThat(e.amount()).isEqualByComparingTo("1");
            assertThat(e.title()).isEqualTo("每日一练");
        });
        awards.credit(new DailyPracticeDone("member", day.plusDays(1), "每日一练", at(day.plusDays(1))));
        assertThat(total(2050, "points")).isEqualByComparingTo("2");
    }

    @Test
    void the_yearly_cap_holds_across_days_and_a_new_year_starts_afresh() {
        logins.as("province");
        rules.change("EVIDENCE_POINTS", new BigDecimal("2"), null, null, new BigDecimal("3"),
                LocalDate.of(2044, 1, 1), "test: small yearly cap");
        for (int month = 1; month <= 3; month++) {
            ledger.award(new CreditLedger.Award(member, "EVIDENCE_POINTS", CreditSource.EVIDENCE, "r" + month,
                    LocalDate.of(2044, month, 10), "志愿服务", "secretary", BigDecimal.ONE));
        }
        ledger.award(new CreditLedger.Award(member, "EVIDENCE_POINTS", CreditSource.EVIDENCE, "r2045",
                LocalDate.of(2045, 1, 10), "志愿服务", "secretary", BigDecimal.ONE));
        List<String> awarded = jdbc.queryForList("select amount || ' ' || coalesce(capped_reason, '-') from credit_entry"
                + " where member_id = ? and rule_code = 'EVIDENCE_POINTS' and study_year in (2044, 2045)"
                + " order by occurred_on", String.class, member).stream()
                .map(s -> s.replace(".00", "")).toList();
        assertThat(awarded).containsExactly("2 -", "1 YEARLY_CAP", "0 YEARLY_CAP", "2 -");
    }

    @Test
    void a_rule_change_applies_from_its_date_never_before() {
        logins.as("province");
        CreditRule changed = rules.change("LESSON_POINTS", new BigDecimal("2"), null, new BigDecimal("6"), null,
                LocalDate.of(2047, 1, 1), "两分一课");
        assertThat(changed.version()).isGreaterThan(1);
        assertThat(rules.inForce("LESSON_POINTS", LocalDate.of(2046, 12, 31)).amount()).isEqualByComparingTo("1");
        assertThat(rules.inForce("LESSON_POINTS", LocalDate.of(2047, 1, 1)).amount()).isEqualByComparingTo("2");
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        awards.credit(new LessonCompleted("member", before, "年末", 600, at(LocalDate.of(2046, 12, 31))));
        awards.credit(new LessonCompleted("member", after, "年初", 600, at(LocalDate.of(2047, 1, 2))));
        assertThat(entriesFor(before + "@2046")).filteredOn(e -> e.ruleCode().equals("LESSON_POINTS"))
                .singleElement().satisfies(e -> assertThat(e.amount()).isEqualByComparingTo("1"));
        assertThat(entriesFor(after + "@2047")).filteredOn(e -> e.ruleCode().equals("LESSON_POINTS"))
                .singleElement().satisfies(e -> {
                    assertThat(e.amount()).isEqualByComparingTo("2");
                    assertThat(e.ruleVersion()).isEqualTo(changed.version());
                });

        assertThatThrownBy(() -> rules.change("LESSON_POINTS", BigDecimal.TEN, null, null, null,
                LocalDate.now(ZoneId.of("Asia/Shanghai")), "today has begun already"))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("credit.rule.retroactive"));
        logins.as("admin"); // a city's admin does not set the province's rules
        assertThatThrownBy(() -> rules.change("LESSON_POINTS", BigDecimal.TEN, null, null, null,
                LocalDate.of(2048, 1, 1), ""))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("credit.rule.province-only"));
    }

    @Test
    void a_correction_is_a_reversing_entry_with_reason_and_name_and_only_once() {
        QuizPassed passed = new QuizPassed("member", UUID.randomUUID(), "误记的测试", at(LocalDate.of(2049, 6, 1)));
        awards.credit(passed);
        LedgerEntry hours = entriesFor(passed.quizId() + "@2049").stream()
                .filter(e -> e.ruleCode().equals("QUIZ_HOURS")).findFirst().orElseThrow();
        assertThat(total(2049, "study_hours")).isEqualByComparingTo("0.5");

        logins.as("member");
        assertThatThrownBy(() -> ledger.correct(hours.id(), "不是我")).isInstanceOf(AccessDeniedException.class);
        logins.as("secretary"); // leads Meiyuan, one of the member's managing branches
        assertThatThrownBy(() -> ledger.correct(hours.id(), " "))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("credit.correct.reason"));
        LedgerEntry reversal = ledger.correct(hours.id(), "测试重复登记");
        assertThat(reversal.amount()).isEqualByComparingTo("-0.5");
        assertThat(reversal.reversesId()).isEqualTo(hours.id());
        assertThat(reversal.note()).isEqualTo("测试重复登记");
        assertThat(reversal.recordedBy()).isEqualTo("secretary");
        assertThat(total(2049, "study_hours")).isEqualByComparingTo("0");
        assertThatThrownBy(() -> ledger.correct(hours.id(), "再来一次"))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("credit.correct.twice"));
        assertThat(jdbc.queryForObject("select amount from credit_entry where id = ?", BigDecimal.class, hours.id()))
                .as("the original entry is untouched").isEqualByComparingTo("0.5");
    }

    private List<LedgerEntry> entriesFor(String sourceId) {
        return jdbc.queryForList("select id from credit_entry where member_id = ? and source_id = ?", Long.class,
                member, sourceId).stream().map(id -> jdbc.queryForObject("select * from credit_entry where id = ?",
                (rs, n) -> new LedgerEntry(rs.getLong("id"), rs.getLong("member_id"), rs.getInt("study_year"),
                        CreditKind.valueOf(rs.getString("kind")), rs.getBigDecimal("amount"), rs.getString("rule_code"),
                        rs.getInt("rule_version"), CreditSource.valueOf(rs.getString("source")),
                        rs.getString("source_id"), rs.getString("capped_reason"), null, null, rs.getString("title"),
                        rs.getString("recorded_by"), LocalDate.now(), java.time.Instant.now(), null), id)).toList();
    }

    private BigDecimal total(int year, String column) {
        return jdbc.queryForObject("select " + column + " from credit_year_total where member_id = ? and study_year = ?",
                BigDecimal.class, member, year);
    }

    private static java.time.Instant at(LocalDate day) {
        return day.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }
}
