package org.yundangke.committee;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.annotations.Recurring;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.StudyCalendar;
import org.yundangke.credit.CreditRules;
import org.yundangke.org.BranchInfo;
import org.yundangke.org.CommitteeInfo;
import org.yundangke.org.OrgDirectory;

/**
 * The committees' figures from province to member, for a year (quarter 0) or a quarter: members (each "1+2" member
 * once per committee), who studied at all, 学时 against the yearly target, the average scorecard result, 示范支部.
 * Committees and branches are read from tables a scheduled refresh rebuilds set-wise (never in the transactions that
 * award credit, so those never queue on a committee's row); a branch's members are read live (a branch is small).
 */
@Service
@Transactional(readOnly = true)
public class Rollups {

    public enum Kind { COMMITTEE, BRANCH, MEMBER }

    /** The figures of one committee, branch or member for the period. */
    public record Figures(long members, long studied, BigDecimal studyHours, long reached, long branches,
                          long scored, BigDecimal scorecardSum, long modelBranches) {

        /** Members who studied at all, percent. */
        public BigDecimal participation() {
            return percent(BigDecimal.valueOf(studied), members);
        }

        /** Members who reached the yearly 学时 target by the period's end, percent. */
        public BigDecimal reachedShare() {
            return percent(BigDecimal.valueOf(reached), members);
        }

        /** 学时 per member. */
        public BigDecimal hoursPerMember() {
            return members == 0 ? BigDecimal.ZERO
                    : studyHours.divide(BigDecimal.valueOf(members), 1, RoundingMode.HALF_UP);
        }

        /** The average scorecard total of the branches that handed theirs in; null when none did. */
        public @Nullable BigDecimal averageScorecard() {
            return scored == 0 ? null : scorecardSum.divide(BigDecimal.valueOf(scored), 1, RoundingMode.HALF_UP);
        }

        private static BigDecimal percent(BigDecimal part, long whole) {
            return whole == 0 ? BigDecimal.ZERO : part.multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
        }
    }

    /** A row one level down: a committee, a branch or a member, with a model-branch level for a branch. */
    public record Row(Kind kind, long id, String name, Figures figures, @Nullable String modelLevel) {
    }

    /** What the page shows for one committee or branch: its own figures and those one level down. */
    public record Overview(Kind kind, long id, String name, @Nullable Long parentCommitteeId, int year, int quarter,
                           BigDecimal target, Figures figures, List<Row> rows, @Nullable Instant refreshedAt) {
    }

    /**
     * Quarter 0 is the whole year; "studied" means 学时 (net of corrections) within the period, and a quarter's 学时 count
     * from January to its end. Each member's months are summed once into four quarters, then spread over the periods.
     */
    static final String QUARTERS = """
            q (quarter) as (values (0), (1), (2), (3), (4)),
            by_quarter as (
                select member_id,
                       sum(case when study_month <= 3 then study_hours else 0 end) as h1,
                       sum(case when study_month between 4 and 6 then study_hours else 0 end) as h2,
                       sum(case when study_month between 7 and 9 then study_hours else 0 end) as h3,
                       sum(case when study_month >= 10 then study_hours else 0 end) as h4
                from credit_member_month where study_year = :year group by member_id
            ),
            fact as (
                select m.member_id, m.primary_branch_id, q.quarter,
                       case when coalesce(case q.quarter when 1 then h.h1 when 2 then h.h2 when 3 then h.h3
                                               when 4 then h.h4 else h.h1 + h.h2 + h.h3 + h.h4 end, 0) > 0
                            then 1 else 0 end as studied,
                       coalesce(case q.quarter when 1 then h.h1 when 2 then h.h1 + h.h2
                                     when 3 then h.h1 + h.h2 + h.h3 else h.h1 + h.h2 + h.h3 + h.h4 end, 0) as hours
                from org_member m cross join q
                left join by_quarter h on h.member_id = m.member_id
            )""";

    /** Every branch's figures for a year and its quarters, computed from the source tables. */
    static final String BRANCH_FIGURES = """
            select * from (with\s""" + QUARTERS + """
            , per_branch as (
                select mb.branch_id, f.quarter, count(*) as members, sum(f.studied) as studied,
                       sum(f.hours) as hours, sum(case when f.hours >= :target then 1 else 0 end) as reached
                from org_member_branch mb join fact f on f.member_id = mb.member_id
                group by mb.branch_id, f.quarter
            )
            select b.branch_id, b.committee_id, cast(:year as integer) as study_year, q.quarter,
                   coalesce(p.members, 0) as members, coalesce(p.studied, 0) as studied,
                   coalesce(p.hours, 0) as study_hours, coalesce(p.reached, 0) as reached,
                   (select r.total from scorecard_result r where r.branch_id = b.branch_id and r.study_year = :year
                    and (r.quarter = q.quarter or q.quarter = 0) order by r.quarter desc fetch first 1 rows only) as scorecard,
                   (select case max(case a.level when 'PROVINCE' then 3 when 'CITY' then 2 else 1 end)
                           when 3 then 'PROVINCE' when 2 then 'CITY' when 1 then 'COUNTY' end
                    from model_branch a where a.branch_id = b.branch_id and a.study_year = :year
                    and a.state = 'CONFIRMED') as model_level
            from org_branch b cross join q
            left join per_branch p on p.branch_id = b.branch_id and p.quarter = q.quarter) x""";

    static final String REFRESH_BRANCHES = """
            insert into rollup_branch (branch_id, committee_id, study_year, quarter, members, studied, study_hours,
                                       reached, scorecard, model_level)
            """ + BRANCH_FIGURES;

    /**
     * Each committee's members once: summed per primary branch first, then the "1+2" members whose managing branch
     * reaches a committee their primary branch does not, one by one (as the credit rollup does).
     */
    static final String COMMITTEE_FIGURES = """
            select * from (with\s""" + QUARTERS + """
            , prim as (
                select f.primary_branch_id as branch_id, f.quarter, count(*) as members, sum(f.studied) as studied,
                       sum(f.hours) as hours, sum(case when f.hours >= :target then 1 else 0 end) as reached
                from fact f group by f.primary_branch_id, f.quarter
            ), extra as (
                select distinct mm.member_id, ba.committee_id
                from org_managing_branch mm
                join org_branch_committee ba on ba.branch_id = mm.branch_id
                join org_member m on m.member_id = mm.member_id
                where not exists (select 1 from org_branch_committee pa where pa.branch_id = m.primary_branch_id
                                  and pa.committee_id = ba.committee_id)
            ), contrib as (
                select ba.committee_id, p.quarter, p.members, p.studied, p.hours, p.reached
                from prim p join org_branch_committee ba on ba.branch_id = p.branch_id
                union all
                select x.committee_id, f.quarter, 1, f.studied, f.hours,
                       case when f.hours >= :target then 1 else 0 end
                from extra x join fact f on f.member_id = x.member_id
            ), per_committee as (
                select committee_id, quarter, sum(members) as members, sum(studied) as studied,
                       sum(hours) as hours, sum(reached) as reached
                from contrib group by committee_id, quarter
            ), per_branches as (
                select bc.committee_id, r.quarter, count(*) as branches, count(r.scorecard) as scored,
                       coalesce(sum(r.scorecard), 0) as scorecard_sum,
                       sum(case when r.model_level is null then 0 else 1 end) as model_branches
                from rollup_branch r join org_branch_committee bc on bc.branch_id = r.branch_id
                where r.study_year = :year group by bc.committee_id, r.quarter
            )
            select c.committee_id, cast(:year as integer) as study_year, q.quarter,
                   coalesce(p.members, 0) as members, coalesce(p.studied, 0) as studied,
                   coalesce(p.hours, 0) as study_hours, coalesce(p.reached, 0) as reached,
                   coalesce(b.branches, 0) as branches, coalesce(b.scored, 0) as scored,
                   coalesce(b.scorecard_sum, 0) as scorecard_sum, coalesce(b.model_branches, 0) as model_branches
            from org_committee c cross join q
            left join per_committee p on p.committee_id = c.committee_id and p.quarter = q.quarter
            left join per_branches b on b.committee_id = c.committee_id and b.quarter = q.quarter) x""";

    static final String REFRESH_COMMITTEES = """
            insert into rollup_committee (committee_id, study_year, quarter, members, studied, study_hours, reached,
                                          branches, scored, scorecard_sum, model_branches)
            """ + COMMITTEE_FIGURES;

    /** How many years the overview offers, this one included. */
    public static final int YEARS_SHOWN = 5;

    /** Past years whose scorecards or 示范支部 changed after the year's tables were built. */
    static final String CHANGED_SINCE_BUILT = """
            select r.study_year from rollup_refresh r where r.study_year between :from and :to and (
                exists (select 1 from scorecard_result s where s.study_year = r.study_year
                        and (s.submitted_at > r.refreshed_at or s.reviewed_at > r.refreshed_at))
                or exists (select 1 from model_branch m where m.study_year = r.study_year
                        and (m.proposed_at > r.refreshed_at or m.decided_at > r.refreshed_at)))""";

    /** What a committee's page reads: its own row, the committees under it, its own branches. */
    static final String OWN = "select r.*, 0 as id, '' as name from rollup_committee r where r.committee_id"
            + " = :committee and r.study_year = :year and r.quarter = :quarter";
    static final String CHILD_COMMITTEES = "select r.*, c.committee_id as id, c.name from rollup_committee r"
            + " join org_committee c on c.committee_id = r.committee_id where c.parent_id = :committee"
            + " and r.study_year = :year and r.quarter = :quarter order by c.name";
    static final String CHILD_BRANCHES = "select r.*, b.name from rollup_branch r join org_branch b"
            + " on b.branch_id = r.branch_id where r.committee_id = :committee and r.study_year = :year"
            + " and r.quarter = :quarter order by b.name";

    /** The members of a branch with their period, live (the refresh keeps no row per member). */
    static final String BRANCH_MEMBERS = """
            select m.member_id, m.name,
                   case when coalesce(sum(case when mm.study_month between :from and :to then mm.study_hours end), 0)
                       > 0 then 1 else 0 end as studied,
                   coalesce(sum(case when mm.study_month <= :to then mm.study_hours end), 0) as hours
            from org_member_branch mb join org_member m on m.member_id = mb.member_id
            left join credit_member_month mm on mm.member_id = m.member_id and mm.study_year = :year
            where mb.branch_id = :branch
            group by m.member_id, m.name
            order by m.name, m.member_id""";

    /** The first refresh of an installation: one job whatever the number of nodes starting (JobRunr keeps ids once). */
    static final UUID FIRST_REFRESH = UUID.nameUUIDFromBytes("committee-rollups-first".getBytes(StandardCharsets.UTF_8));

    private final NamedParameterJdbcTemplate jdbc;
    private final OrgDirectory directory;
    private final CreditRules rules;
    private final StudyCalendar calendar;
    private final JobScheduler jobs;

    Rollups(NamedParameterJdbcTemplate jdbc, OrgDirectory directory, CreditRules rules, StudyCalendar calendar,
            JobScheduler jobs) {
        this.jobs = jobs;
        this.jdbc = jdbc;
        this.directory = directory;
        this.rules = rules;
        this.calendar = calendar;
    }

    /**
     * Rebuilds this year's tables; last year's during the first quarter (while it is being closed); any of the years
     * the pages offer that was never built; and a past year whose scorecards or 示范支部 changed since it was built.
     */
    @Recurring(id = "committee-rollups", cron = "*/15 * * * *", zoneId = StudyCalendar.ZONE_NAME)
    @Job(name = "Committee rollups")
    @Transactional
    public void refresh() {
        int year = calendar.thisYear();
        Set<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        years.add(year);
        if (calendar.today().getMonthValue() <= 3) {
            years.add(year - 1);
        }
        Map<String, Object> params = Map.of("from", year - YEARS_SHOWN + 1, "to", year);
        Set<Integer> built = new HashSet<>(jdbc.queryForList("select study_year from rollup_refresh", params,
                Integer.class));
        for (int y = year - YEARS_SHOWN + 1; y < year; y++) {
            if (!built.contains(y)) {
                years.add(y);
            }
        }
        years.addAll(jdbc.queryForList(CHANGED_SINCE_BUILT, params, Integer.class));
        years.forEach(this::refresh);
    }

    /** A new installation (or one upgraded to this version) gets its figures at once, not in up to 15 minutes. */
    @EventListener(ApplicationReadyEvent.class)
    void refreshIfNever() {
        Integer done = jdbc.queryForObject("select count(*) from rollup_refresh", Map.of(), Integer.class);
        if (done != null && done == 0) {
            jobs.<Rollups>enqueue(FIRST_REFRESH, rollups -> rollups.refresh());
        }
    }

    /** Rebuilds a year's rows in one transaction: readers see the previous rows until it commits. */
    @Transactional
    public void refresh(int year) {
        long start = System.nanoTime();
        Map<String, Object> params = Map.of("year", year, "target", rules.yearlyTarget(year));
        jdbc.update("delete from rollup_committee where study_year = :year", params);
        jdbc.update("delete from rollup_branch where study_year = :year", params);
        jdbc.update(REFRESH_BRANCHES, params);
        jdbc.update(REFRESH_COMMITTEES, params);
        long took = (System.nanoTime() - start) / 1_000_000;
        jdbc.update("delete from rollup_refresh where study_year = :year", params);
        jdbc.update("insert into rollup_refresh (study_year, refreshed_at, took_ms) values (:year, :at, :took)",
                Map.of("year", year, "at", Timestamp.from(calendar.now()), "took", took));
    }

    /** A committee of the caller's area with the committees and branches directly under it. */
    @PreAuthorize("hasRole('ADMIN')")
    public Overview committee(long committeeId, int year, int quarter) {
        CommitteeInfo committee = directory.requireCommitteeInScope(committeeId);
        Map<String, Object> params = Map.of("committee", committeeId, "year", year, "quarter", quarter);
        Figures own = jdbc.query(OWN, params, (rs, n) -> committeeFigures(rs)).stream().findFirst().orElse(empty());
        List<Row> rows = new ArrayList<>(jdbc.query(CHILD_COMMITTEES, params, (rs, n) -> new Row(Kind.COMMITTEE,
                rs.getLong("id"), rs.getString("name"), committeeFigures(rs), null)));
        rows.addAll(jdbc.query(CHILD_BRANCHES, params, (rs, n) -> new Row(Kind.BRANCH, rs.getLong("branch_id"),
                rs.getString("name"), branchFigures(rs), rs.getString("model_level"))));
        return new Overview(Kind.COMMITTEE, committeeId, committee.name(), committee.parentId(), year, quarter,
                rules.yearlyTarget(year), own, rows, refreshedAt(year));
    }

    /** A branch in the caller's scope with its members (live), each with their period. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public Overview branch(long branchId, int year, int quarter) {
        BranchInfo branch = directory.branchInScope(String.valueOf(branchId));
        BigDecimal target = rules.yearlyTarget(year);
        Map<String, Object> params = Map.of("branch", branchId, "year", year, "quarter", quarter,
                "from", quarter == 0 ? 1 : 3 * quarter - 2, "to", quarter == 0 ? 12 : 3 * quarter);
        List<Row> rows = jdbc.query(BRANCH_MEMBERS, params, (rs, n) -> {
            BigDecimal hours = rs.getBigDecimal("hours");
            return new Row(Kind.MEMBER, rs.getLong("member_id"), rs.getString("name"), new Figures(1,
                    rs.getInt("studied"), hours, hours.compareTo(target) >= 0 ? 1 : 0, 0, 0, BigDecimal.ZERO, 0),
                    null);
        });
        List<Map<String, Object>> stored = jdbc.queryForList("select scorecard, model_level"
                + " from rollup_branch where branch_id = :branch and study_year = :year and quarter = :quarter", params);
        Long committeeId = jdbc.queryForObject("select committee_id from org_branch where branch_id = :branch", params,
                Long.class);
        BigDecimal scorecard = stored.isEmpty() ? null : (BigDecimal) stored.getFirst().get("scorecard");
        boolean model = !stored.isEmpty() && stored.getFirst().get("model_level") != null;
        Figures own = new Figures(rows.size(), rows.stream().mapToLong(r -> r.figures().studied()).sum(),
                rows.stream().map(r -> r.figures().studyHours()).reduce(BigDecimal.ZERO, BigDecimal::add),
                rows.stream().mapToLong(r -> r.figures().reached()).sum(), 1, scorecard == null ? 0 : 1,
                scorecard == null ? BigDecimal.ZERO : scorecard, model ? 1 : 0);
        return new Overview(Kind.BRANCH, branchId, branch.name(), committeeId, year, quarter, target, own, rows,
                refreshedAt(year));
    }

    /** When the year's tables were last rebuilt; null when never. */
    @PreAuthorize("isAuthenticated()")
    public @Nullable Instant refreshedAt(int year) {
        return jdbc.query("select refreshed_at from rollup_refresh where study_year = :year", Map.of("year", year),
                (rs, n) -> rs.getTimestamp(1).toInstant()).stream().findFirst().orElse(null);
    }

    private static Figures committeeFigures(ResultSet rs) throws SQLException {
        return new Figures(rs.getLong("members"), rs.getLong("studied"), rs.getBigDecimal("study_hours"),
                rs.getLong("reached"), rs.getLong("branches"), rs.getLong("scored"), rs.getBigDecimal("scorecard_sum"),
                rs.getLong("model_branches"));
    }

    private static Figures branchFigures(ResultSet rs) throws SQLException {
        BigDecimal scorecard = rs.getBigDecimal("scorecard");
        return new Figures(rs.getLong("members"), rs.getLong("studied"), rs.getBigDecimal("study_hours"),
                rs.getLong("reached"), 1, scorecard == null ? 0 : 1, scorecard == null ? BigDecimal.ZERO : scorecard,
                rs.getString("model_level") == null ? 0 : 1);
    }

    private static Figures empty() {
        return new Figures(0, 0, BigDecimal.ZERO, 0, 0, 0, BigDecimal.ZERO, 0);
    }
}
