package org.yundangke.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.yundangke.org.CommitteeInfo;
import org.yundangke.org.MemberAccount;
import org.yundangke.org.OrgDirectory;

/**
 * What the ledger adds up to: a member's year, a branch's members month by month, and a committee's rollup by the
 * committees under it, where a "1+2" member counts once in every committee that holds any of their branches.
 * Progress is private: a member sees their own, secretaries and admins those in their scope.
 */
@Service
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

    private final NamedParameterJdbcTemplate jdbc;
    private final OrgDirectory directory;
    private final CreditRules rules;

    CreditRecords(NamedParameterJdbcTemplate jdbc, OrgDirectory directory, CreditRules rules) {
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
        List<Map<String, Object>> totals = jdbc.queryForList("select study_hours, points from credit_year_total"
                + " where member_id = :member and study_year = :year", params);
        BigDecimal hours = totals.isEmpty() ? BigDecimal.ZERO : (BigDecimal) totals.getFirst().get("study_hours");
        BigDecimal points = totals.isEmpty() ? BigDecimal.ZERO : (BigDecimal) totals.getFirst().get("points");
        Integer lessons = jdbc.queryForObject("select count(*) from credit_entry where member_id = :member"
                + " and study_year = :year and source = 'LESSON' and rule_code like 'LESSON_HOURS_%'"
                + " and amount > 0", params, Integer.class);
        Integer evidence = jdbc.queryForObject("select count(*) from evidence_record where member_id = :member"
                + " and state = 'APPROVED' and extract(year from occurred_on) = :year", params, Integer.class);
        return new YearSummary(memberId, year, hours, points, rules.yearlyTarget(year), lessons == null ? 0 : lessons,
                evidence == null ? 0 : evidence);
    }

    /** The years a member has credit in, newest first (this year always). */
    @PreAuthorize("isAuthenticated()")
    public List<Integer> years(long memberId) {
        directory.requireMemberInScope(memberId);
        List<Integer> years = new ArrayList<>(jdbc.queryForList("select study_year from credit_year_total"
                + " where member_id = :member order by study_year desc", Map.of("member", memberId), Integer.class));
        int thisYear = LocalDate.now(CreditRules.CALENDAR).getYear();
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
        jdbc.query("select member_id, extract(month from occurred_on) as in_month, kind, sum(amount) as amount"
                + " from credit_entry where study_year = :year and member_id in (:members)"
                + " group by member_id, extract(month from occurred_on), kind",
                Map.of("year", year, "members", members.stream().map(MemberAccount::memberId).toList()), rs -> {
                    BigDecimal[][] cells = months.computeIfAbsent(rs.getLong("member_id"), id -> zeros());
                    cells[CreditKind.valueOf(rs.getString("kind")).ordinal()][rs.getInt("in_month") - 1] =
                            rs.getBigDecimal("amount");
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
        return jdbc.query("""
                with attached as (
                    select m.id as member_id, m.primary_branch_id as branch_id from member m
                    union
                    select mm.member_id, mm.branch_id from managing_membership mm
                ), in_child as (
                    select distinct child.id as committee_id, a.member_id
                    from committee child
                    join committee below on below.path like child.path || '%'
                    join branch b on b.committee_id = below.id
                    join attached a on a.branch_id = b.id
                    where child.parent_id = :parent
                )
                select c.id, c.name, count(ic.member_id) as members,
                       coalesce(sum(t.study_hours), 0) as hours, coalesce(sum(t.points), 0) as points,
                       sum(case when t.study_hours >= :target then 1 else 0 end) as reached
                from committee c
                left join in_child ic on ic.committee_id = c.id
                left join credit_year_total t on t.member_id = ic.member_id and t.study_year = :year
                where c.parent_id = :parent
                group by c.id, c.name
                order by c.name""", Map.of("parent", committeeId, "year", year, "target", rules.yearlyTarget(year)),
                (rs, n) -> new CommitteeTotals(rs.getLong("id"), rs.getString("name"), rs.getLong("members"),
                        rs.getBigDecimal("hours"), rs.getBigDecimal("points"), rs.getLong("reached")));
    }

    /** The committee itself as a one-line total, each member once. */
    @PreAuthorize("hasRole('ADMIN')")
    public CommitteeTotals committeeTotal(long committeeId, int year) {
        CommitteeInfo committee = directory.requireCommitteeInScope(committeeId);
        return jdbc.queryForObject("""
                with members_in as (
                    select m.id as member_id from member m
                    join branch b on b.id = m.primary_branch_id join committee c on c.id = b.committee_id
                    where c.path like :path
                    union
                    select mm.member_id from managing_membership mm
                    join branch b on b.id = mm.branch_id join committee c on c.id = b.committee_id
                    where c.path like :path
                )
                select count(*) as members, coalesce(sum(t.study_hours), 0) as hours,
                       coalesce(sum(t.points), 0) as points,
                       sum(case when t.study_hours >= :target then 1 else 0 end) as reached
                from members_in mi
                left join credit_year_total t on t.member_id = mi.member_id and t.study_year = :year""",
                Map.of("path", pathOf(committeeId) + "%", "year", year, "target", rules.yearlyTarget(year)),
                (rs, n) -> new CommitteeTotals(committee.id(), committee.name(), rs.getLong("members"),
                        rs.getBigDecimal("hours"), rs.getBigDecimal("points"), rs.getLong("reached")));
    }

    private String pathOf(long committeeId) {
        return jdbc.queryForObject("select path from committee where id = :id", Map.of("id", committeeId),
                String.class);
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
