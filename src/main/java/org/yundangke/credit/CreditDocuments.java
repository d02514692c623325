package org.yundangke.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.StudyCalendar;
import org.yundangke.org.BranchInfo;
import org.yundangke.org.CommitteeInfo;
import org.yundangke.org.MemberInfo;
import org.yundangke.org.OrgDirectory;

/**
 * The ledger as documents: a member's yearly study certificate (PDF) and a branch's or committee subtree's yearly
 * record (xlsx, one row per member, each member once).
 */
@Service
@Transactional(readOnly = true)
public class CreditDocuments {

    /** Members {@code %s} selects, each once, with their year; {@code primary_here} when their primary branch is one of those asked about. */
    private static final String MEMBER_ROWS = """
            select m.name, pb.name as primary_branch, %s as primary_here,
                   coalesce(t.study_hours, 0) as hours, coalesce(t.points, 0) as points,
                   (select count(*) from credit_entry e where e.member_id = m.member_id and e.study_year = :year
                      and e.rule_code like 'LESSON_HOURS_%%' and e.source = 'LESSON' and e.amount > 0
                      and not exists (select 1 from credit_entry r where r.idem_key = 'reverse:' || e.id)) as lessons,
                   (select count(*) from evidence_record r where r.member_id = m.member_id and r.state = 'APPROVED'
                      and extract(year from r.occurred_on) = :year) as evidence
            from org_member m
            join org_branch pb on pb.branch_id = m.primary_branch_id
            left join credit_year_total t on t.member_id = m.member_id and t.study_year = :year
            where m.member_id in (%s)
            order by pb.name, m.name""";

    private final CreditRecords records;
    private final OrgDirectory directory;
    private final CreditRules rules;
    private final StudyCertificate certificates;
    private final LedgerWorkbook workbooks;
    private final NamedParameterJdbcTemplate jdbc;
    private final StudyCalendar calendar;

    CreditDocuments(CreditRecords records, OrgDirectory directory, CreditRules rules, StudyCertificate certificates,
                    LedgerWorkbook workbooks, NamedParameterJdbcTemplate jdbc, StudyCalendar calendar) {
        this.calendar = calendar;
        this.records = records;
        this.directory = directory;
        this.rules = rules;
        this.certificates = certificates;
        this.workbooks = workbooks;
        this.jdbc = jdbc;
    }

    /** The yearly study certificate, issued by the working committee over the member's primary branch. */
    @PreAuthorize("isAuthenticated()")
    public byte[] certificate(long memberId, int year) {
        CreditRecords.YearSummary summary = records.year(memberId, year); // refuses a member outside the scope
        MemberInfo member = directory.member(memberId);
        String issuer = directory.branchesByIds(List.of(member.primaryBranchId())).stream().findFirst()
                .map(BranchInfo::committeeName).orElse(member.primaryBranchName());
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate today = calendar.today();
        return certificates.render(new Certificate(member.name(), member.primaryBranchName(), year,
                summary.studyHours(), summary.target(), summary.points(), summary.lessonsCompleted(),
                today.isBefore(end) ? today : end, issuer));
    }

    /** A branch's members (primary and managing) with their year. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public byte[] branchWorkbook(long branchId, int year) {
        directory.requireBranchInScope(branchId);
        String name = directory.branchesByIds(List.of(branchId)).stream().findFirst().map(BranchInfo::name).orElse("");
        List<MemberRow> rows = jdbc.query(MEMBER_ROWS.formatted("m.primary_branch_id = :branch",
                "select member_id from org_member_branch where branch_id = :branch"),
                Map.of("branch", branchId, "year", year), row(rules.yearlyTarget(year)));
        return workbooks.render(name, year, rows);
    }

    /** Every member attached to a branch anywhere in the committee's subtree, each once. */
    @PreAuthorize("hasRole('ADMIN')")
    public byte[] committeeWorkbook(long committeeId, int year) {
        CommitteeInfo committee = directory.requireCommitteeInScope(committeeId);
        List<MemberRow> rows = jdbc.query(MEMBER_ROWS.formatted("m.primary_branch_id in (select branch_id"
                        + " from org_branch_committee where committee_id = :committee)",
                "select a.member_id from org_member_branch a join org_branch_committee u on u.branch_id = a.branch_id"
                        + " where u.committee_id = :committee"),
                Map.of("committee", committeeId, "year", year), row(rules.yearlyTarget(year)));
        return workbooks.render(committee.name(), year, rows);
    }

    private static RowMapper<MemberRow> row(BigDecimal target) {
        return (rs, n) -> new MemberRow(rs.getString("name"), rs.getString("primary_branch"), rs.getBoolean("primary_here"),
                rs.getBigDecimal("hours"), rs.getBigDecimal("points"), target, rs.getInt("lessons"),
                rs.getInt("evidence"));
    }
}
