package org.yundangke.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Logins;
import org.yundangke.TestMembers;
import org.yundangke.base.UserError;
import org.yundangke.branch.OrgLife;
import org.yundangke.org.OrgDirectory;

/**
 * The "六有一提升" standard as data: the default 28 indicators in six aspects weighing 100, revised by the province
 * from a later day on only; and the measured indicators following what the branch does.
 */
@SpringBootTest
@ActiveProfiles("test")
class ScorecardsTest {

    @Autowired
    Scorecards scorecards;

    @Autowired
    ScorecardMeasures measures;

    @Autowired
    OrgLife orgLife;

    @Autowired
    OrgDirectory directory;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    Long made;

    @Autowired
    org.yundangke.credit.Evidence evidence;

    @AfterEach
    void removeWhatWasMade() {
        jdbc.update("delete from scorecard_indicator where changed_by <> 'system'");

        jdbc.update("delete from org_event_attendance");
        jdbc.update("delete from org_event");
        if (made != null) { // with what the test gave them: a 记实 record, its credit, 学时
            for (String table : List.of("credit_entry", "credit_month_total", "credit_year_total", "evidence_record")) {
                jdbc.update("delete from " + table + " where member_id = ?", made);
            }
            TestMembers.remove(jdbc, made);
        }
        logins.logout();
    }

    @Test
    void the_default_standard_has_28_indicators_in_six_aspects_weighing_100() {
        logins.as("member");
        List<Indicator> set = scorecards.inForce(today);
        assertThat(set).hasSize(28);
        assertThat(set.stream().map(Indicator::aspect).distinct()).containsExactly(Indicator.Aspect.values());
        assertThat(set.stream().map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100");
        assertThat(set).filteredOn(Indicator::measured).extracting(Indicator::measure).containsExactlyInAnyOrder(
                Indicator.Measure.ORG_LIFE_QUARTER, Indicator.Measure.PARTY_DAY_QUARTER,
                Indicator.Measure.ATTENDANCE_RATE, Indicator.Measure.ASSIGNMENTS_DONE, Indicator.Measure.MEMBERS_ONLINE,
                Indicator.Measure.EVIDENCE_SHARE, Indicator.Measure.STUDY_ON_TRACK);
        assertThat(scorecards.inForce(LocalDate.of(2026, 9, 30))).as("before the platform measured these two")
                .filteredOn(Indicator::measured).hasSize(5);
    }

    @Test
    void the_province_revises_an_indicator_from_a_later_day_and_no_one_else_nor_backwards() {
        logins.as("province");
        Indicator revised = scorecards.revise("ACT_MEETINGS", "每季度至少 4 次。", new BigDecimal("8"),
                new BigDecimal("4"), today.plusDays(1), "提高要求");
        assertThat(revised.version()).isEqualTo(2);
        assertThat(byCode(today).get("ACT_MEETINGS").target()).isEqualByComparingTo("3");
        assertThat(byCode(today.plusDays(1)).get("ACT_MEETINGS").target()).isEqualByComparingTo("4");
        assertThat(scorecards.history("ACT_MEETINGS")).extracting(Indicator::version).containsExactly(2, 1);
        assertThatThrownBy(() -> scorecards.revise("ACT_MEETINGS", "说明", BigDecimal.ONE, BigDecimal.ONE, today, ""))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("scorecard.retroactive"));

        logins.as("admin"); // Nanjing
        assertThatThrownBy(() -> scorecards.revise("ACT_MEETINGS", "说明", BigDecimal.ONE, BigDecimal.ONE,
                today.plusDays(2), "")).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.messageKey()).isEqualTo("scorecard.province-only"));
        logins.as("secretary");
        assertThatThrownBy(() -> scorecards.revise("ACT_MEETINGS", "说明", BigDecimal.ONE, BigDecimal.ONE,
                today.plusDays(2), "")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_measured_indicator_follows_what_the_branch_does() {
        logins.as("secretary");
        long meiyuan = directory.currentActor().ledBranchIds().iterator().next();
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        ScorecardMeasures.Measurement before = measured(meiyuan, quarter, Indicator.Measure.ORG_LIFE_QUARTER);

        OrgLife.Event meeting = orgLife.schedule(new OrgLife.NewEvent(meiyuan, OrgLife.Kind.BRANCH_MEETING,
                Instant.now().minus(Duration.ofMinutes(30)), "支部活动室", null, "计分用的支部党员大会"));
        ScorecardMeasures.Measurement after = measured(meiyuan, quarter, Indicator.Measure.ORG_LIFE_QUARTER);
        assertThat(after.value()).isEqualByComparingTo(before.value().add(BigDecimal.ONE));
        assertThat(after.score()).isGreaterThanOrEqualTo(before.score());

        long member = directory.memberAccountsOf(meiyuan).getFirst().memberId();
        orgLife.mark(meeting.id(), member, OrgLife.Status.PRESENT);
        assertThat(measured(meiyuan, quarter, Indicator.Measure.ATTENDANCE_RATE).value()).isEqualByComparingTo("100");

        BigDecimal online = measured(meiyuan, quarter, Indicator.Measure.MEMBERS_ONLINE).value();
        made = TestMembers.add(jdbc, "没有账号的新党员", meiyuan);
        assertThat(measured(meiyuan, quarter, Indicator.Measure.MEMBERS_ONLINE).value()).isLessThan(online);

        BigDecimal withRecords = measured(meiyuan, quarter, Indicator.Measure.EVIDENCE_SHARE).value();
        LocalDate inQuarter = LocalDate.of(today.getYear(), 3 * quarter - 2, 1);
        java.util.UUID record = evidence.record(new org.yundangke.credit.Evidence.NewRecord(made, meiyuan,
                org.yundangke.credit.EvidenceActivity.VOLUNTEER, inQuarter, "社区", "义诊服务", "", List.of())).id();
        assertThat(measured(meiyuan, quarter, Indicator.Measure.EVIDENCE_SHARE).value()).as("not yet approved")
                .isEqualByComparingTo(withRecords);
        evidence.approve(record);
        assertThat(measured(meiyuan, quarter, Indicator.Measure.EVIDENCE_SHARE).value()).isGreaterThan(withRecords);

        BigDecimal onTrack = measured(meiyuan, quarter, Indicator.Measure.STUDY_ON_TRACK).value();
        jdbc.update("insert into credit_month_total (member_id, study_year, study_month, study_hours, points)"
                + " values (?, ?, ?, 99, 0) on conflict do nothing", made, today.getYear(), 3 * quarter - 2);
        jdbc.update("update credit_month_total set study_hours = 99 where member_id = ? and study_year = ?"
                + " and study_month = ?", made, today.getYear(), 3 * quarter - 2);
        assertThat(measured(meiyuan, quarter, Indicator.Measure.STUDY_ON_TRACK).value()).isGreaterThan(onTrack);

        long finance = jdbc.queryForObject("select id from branch where name = '原南京市财政局离退休干部党支部'", Long.class);
        assertThatThrownBy(() -> measures.of(finance, today.getYear(), quarter))
                .isInstanceOf(AccessDeniedException.class);
    }

    private ScorecardMeasures.Measurement measured(long branch, int quarter, Indicator.Measure measure) {
        return measures.of(branch, today.getYear(), quarter).stream().filter(m -> m.indicator().measure() == measure)
                .findFirst().orElseThrow();
    }

    private Map<String, Indicator> byCode(LocalDate day) {
        return scorecards.inForce(day).stream().collect(Collectors.toMap(Indicator::code, Function.identity()));
    }
}
