package org.yundangke.credit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.StudyCalendar;
import org.yundangke.org.CommitteeInfo;
import org.yundangke.org.MemberAccount;
import org.yundangke.org.OrgDirectory;

/**
 * What the ledger adds up to: a member's year, a branch's members month by month, and a committee's rollup by the
 * committees under it, where a "1+2" member counts once in every committee that holds any of their branches.
 * Progress is private: a member sees their own, secretaries and admins those in their scope.
 */
@Service
@Transactional(readOnly = true)
public class CreditRecords {

    /** A member's year: 学时 against the target, points, lessons completed, approved 记实 records. */
    public record YearSummary(long memberId, int year, BigDecimal studyHours, BigDecimal points, BigDecimal target,
                              int lessonsCompleted, int evidenceRecords) {
        public boolean targetReached() {
            return studyHours.compareTo(target) >= 0;
        }
    }

    /** One member of a branch with 学时 and points per month (index 0 = January) and the year's totals. */
    public record MemberMonths(long memberId, String name, BigDecimal[] hours, BigDecimal[] points,
                               BigDecimal totalHours, BigDecimal totalPoints) {
    }

    /** One committee under the one asked about: its members (each once), their 学时 and points, how many reached the target. */
    public record CommitteeTotals(long committeeId, String name, long members, BigDecimal studyHours,
                                  BigDecimal points, long reachedTarget) {
    }

    /** A member's year: the totals, the lessons completed (those that earned lesson hours), approved 记实 records. */
    static final String YEAR_TOTAL = "select study_hours, points from credit_year_total"
            + " where member_id = :member and study_year = :year";
    static final String YEAR_LESSONS = "select count(*) from credit_entry e where e.member_id = :member"
            + " and e.study_year = :year and e.source = 'LESSON' and e.rule_code like 'LESSON_HOURS_%' and e.amount > 0"
            + " and not exists (select 1 from credit_entry r where r.idem_key = " + CreditLedger.REVERSAL_KEY + ")";
    static final String YEAR_EVIDENCE = "select count(*) from evidence_record where member_id = :member"
            + " and state = 'APPROVED' and extract(year from occurred_on) = :year";

    /** 学时 and points per member and month of a year, for the given members. */
    static final String BRANCH_MONTHS = """
            select member_id, study_month, study_hours, points from credit_month_total
            where study_year = :year and member_id in (:members)""";

    /**
     * Each committee's members (attached to a branch anywhere in its subtree, each once), their 学时, points and how
     * many reached the target, for the committees {@code %s} selects. Members are summed per primary branch first;
     * only the fifth or so with managing branches ("1+2") are looked at one by one, and only where a managing branch
     * reaches a committee their primary branch does not. (Distinct member/committee pairs over the whole province
     * are what makes the obvious query slow.)
     */
    static final String COMMITTEE_TOTALS = """
            with branch_anc as (
                select branch_id, committee_id from org_branch_committee
            ), yt as (
                select member_id, study_hours, points from credit_year_total where study_year = :year
            ), prim as (
                select m.primary_branch_id as branch_id, count(*) as members,
                       coalesce(sum(t.study_hours), 0) as study_hours, coalesce(sum(t.points), 0) as points,
                       sum(case when t.study_hours >= :target then 1 else 0 end) as reached
                from org_member m left join yt t on t.member_id = m.member_id
                group by m.primary_branch_id
            ), extra as (
                select distinct mm.member_id, ba.committee_id
                from org_managing_branch mm
                join branch_anc ba on ba.branch_id = mm.branch_id
                join org_member m on m.member_id = mm.member_id
                where not exists (select 1 from branch_anc pa where pa.branch_id = m.primary_branch_id
                                  and pa.committee_id = ba.committee_id)
            ), contrib as (
                select ba.committee_id, p.members, p.study_hours, p.points, p.reached
                from prim p join branch_anc ba on ba.branch_id = p.branch_id
                union all
                select x.committee_id, 1, coalesce(t.study_hours, 0), coalesce(t.points, 0),
                       case when t.study_hours >= :target then 1 else 0 end
                from extra x left join yt t on t.member_id = x.member_id
            ), per_committee as (
                select committee_id, sum(members) as members, sum(study_hours) as study_hours,
                       sum(points) as points, sum(reached) as reached
                from contrib group by committee_id
            )
            select c.committee_id, c.name, coalesce(p.members, 0) as members,
                   coalesce(p.study_hours, 0) as study_hours, coalesce(p.points, 0) as points,
                   coalesce(p.reached, 0) as reached
            from org_committee c left join per_committee p on p.committee_id = c.committee_id
            where %s
            order by c.name""";

    private final NamedParameterJdbcTemplate jdbc;
    private final OrgDirectory directory;
    private final CreditRules rules;
    private final StudyCalendar calendar;

    CreditRecords(NamedParameterJdbcTemplate jdbc, OrgDirectory directory, CreditRules rules, StudyCalendar calendar) {
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.directory = directory;
        this.rules = rules;
    }

    /** The caller's member record; refused for a login without one. */
    @PreAuthorize("isAuthenticated()")
    public long myMemberId() {
        Long id = directory.currentActor().memberId();
        if (id == null) {
            throw new AccessDeniedException("no member record for " + directory.currentActor().username());
        }
        return id;
    }

    @PreAuthorize("isAuthenticated()")
    public YearSummary year(long memberId, int year) {
        directory.requireMemberInScope(memberId);
        Map<String, Object> params = Map.of("member", memberId, "year", year);
        List<Map<String, Object>> totals = jdbc.queryForList(YEAR_TOTAL, params);
        BigDecimal hours = totals.isEmpty() ? BigDecimal.ZERO : (BigDecimal) totals.getFirst().get("study_hours");
        BigDecimal points = totals.isEmpty() ? BigDecimal.ZERO : (BigDecimal) totals.getFirst().get("points");
        Integer lessons = jdbc.queryForObject(YEAR_LESSONS, params, Integer.class);
        Integer evidence = jdbc.queryForObject(YEAR_EVIDENCE, params, Integer.class);
        return new YearSummary(memberId, year, hours, points, rules.yearlyTarget(year), lessons == null ? 0 : lessons,
                evidence == null ? 0 : evidence);
    }

    /** The years a member has credit in, newest first (this year always). */
    @PreAuthorize("isAuthenticated()")
    public List<Integer> years(long memberId) {
        directory.requireMemberInScope(memberId);
        List<Integer> years = new ArrayList<>(jdbc.queryForList("select study_year from credit_year_total"
                + " where member_id = :member order by study_year desc", Map.of("member", memberId), Integer.class));
        int thisYear = calendar.thisYear();
        if (!years.contains(thisYear)) {
            years.addFirst(thisYear);
        }
        return years;
    }

    /** Every member attached to the branch (primary or managing) with their year month by month. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public List<MemberMonths> branchMonths(long branchId, int year) {
        List<MemberAccount> members = directory.memberAccountsOf(branchId); // refuses a branch outside the scope
        if (members.isEmpty()) {
            return List.of();
        }
        Map<Long, BigDecimal[][]> months = new HashMap<>();
        jdbc.query(BRANCH_MONTHS, Map.of("year", year, "members", members.stream().map(MemberAccount::memberId).toList()),
                rs -> {
                    BigDecimal[][] cells = months.computeIfAbsent(rs.getLong("member_id"), id -> zeros());
                    cells[0][rs.getInt("study_month") - 1] = rs.getBigDecimal("study_hours");
                    cells[1][rs.getInt("study_month") - 1] = rs.getBigDecimal("points");
                });
        return members.stream().map(m -> {
            BigDecimal[][] cells = months.getOrDefault(m.memberId(), zeros());
            return new MemberMonths(m.memberId(), m.name(), cells[0], cells[1], sum(cells[0]), sum(cells[1]));
        }).toList();
    }

    /**
     * The committees directly under {@code committeeId}, each with the members attached to a branch anywhere in its
     * subtree counted once, and their year's 学时 and points.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public List<CommitteeTotals> rollup(long committeeId, int year) {
        directory.requireCommitteeInScope(committeeId);
        return totals("c.parent_id = :committee", committeeId, year);
    }

    /** The committee itself as a one-line total, each member once. */
    @PreAuthorize("hasRole('ADMIN')")
    public CommitteeTotals committeeTotal(long committeeId, int year) {
        CommitteeInfo committee = directory.requireCommitteeInScope(committeeId);
        return totals("c.committee_id = :committee", committeeId, year).stream().findFirst()
                .orElse(new CommitteeTotals(committee.id(), committee.name(), 0, BigDecimal.ZERO, BigDecimal.ZERO, 0));
    }

    private List<CommitteeTotals> totals(String which, long committeeId, int year) {
        return jdbc.query(COMMITTEE_TOTALS.formatted(which), Map.of("committee", committeeId, "year", year,
                "target", rules.yearlyTarget(year)), (rs, n) -> new CommitteeTotals(rs.getLong("committee_id"),
                rs.getString("name"), rs.getLong("members"), rs.getBigDecimal("study_hours"),
                rs.getBigDecimal("points"), rs.getLong("reached")));
    }

    private static BigDecimal[][] zeros() {
        BigDecimal[][] cells = new BigDecimal[2][12];
        for (BigDecimal[] row : cells) {
            java.util.Arrays.fill(row, BigDecimal.ZERO);
        }
        return cells;
    }

    private static BigDecimal sum(BigDecimal[] values) {
        return java.util.Arrays.stream(values).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
