package org.yundangke.quiz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.Spreadsheets;
import org.yundangke.base.Translations;
import org.yundangke.org.OrgDirectory;

/**
 * How members did in a test, within the caller's reach only (a secretary's branches, an admin's subtree): per branch
 * who took it and passed, per member their attempts and best score, and the questions missed most. Read through
 * org's read model (views), never its tables.
 */
@Service
@Transactional(readOnly = true)
public class QuizResults {

    static final int MOST_MISSED = 5;

    private final NamedParameterJdbcTemplate named;
    private final OrgDirectory directory;
    private final Quizzes quizzes;
    private final Translations translations;

    QuizResults(JdbcTemplate jdbc, OrgDirectory directory, Quizzes quizzes, Translations translations) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.directory = directory;
        this.quizzes = quizzes;
        this.translations = translations;
    }

    /** A branch's members who study online, how many took the test and how many passed. */
    public record BranchResult(long branchId, String branch, int members, int took, int passed) {

        public int passRate() {
            return took == 0 ? 0 : Math.round(100f * passed / took);
        }
    }

    /** A member's attempts and best score; {@code best} is null before the first handed-in attempt. */
    public record MemberResult(long memberId, String name, int attempts, @Nullable BigDecimal best, boolean passed) {
    }

    /** A question and how often those in reach answered it, and missed it. */
    public record Missed(String stem, int answered, int missed) {
    }

    /** The published tests results can be read for. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public List<QuizInfo> tests() {
        return quizzes.published(QuizKind.TEST);
    }

    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public List<BranchResult> byBranch(UUID quizId) {
        Set<Long> branches = directory.branchIdsInScope();
        if (branches.isEmpty()) {
            return List.of();
        }
        return named.query("select b.branch_id, b.name, count(distinct l.member_id) as members,"
                + " count(distinct case when a.submitted_at is not null then l.member_id end) as took,"
                + " count(distinct case when a.passed then l.member_id end) as passed"
                + " from org_branch b join org_member_branch mb on mb.branch_id = b.branch_id"
                + " join org_member_login l on l.member_id = mb.member_id"
                + " left join quiz_attempt a on a.username = l.username and a.quiz_id = :quiz"
                + " where b.branch_id in (:branches) group by b.branch_id, b.name order by b.name",
                Map.of("quiz", quizId, "branches", branches), (rs, n) -> new BranchResult(rs.getLong("branch_id"),
                        rs.getString("name"), rs.getInt("members"), rs.getInt("took"), rs.getInt("passed")));
    }

    /** Every member of a branch in reach who studies online, by name; refused outside the caller's reach. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public List<MemberResult> byMember(UUID quizId, long branchId) {
        directory.requireBranchInScope(branchId);
        return members(quizId, Set.of(branchId)).stream().map(BranchMember::member).toList();
    }

    /** The members of these branches and how they did, by branch and name, in one read. */
    private List<BranchMember> members(UUID quizId, Set<Long> branchIds) {
        return named.query("select mb.branch_id, m.member_id, m.name, count(a.submitted_at) as attempts,"
                + " max(a.score) as best, max(case when a.passed then 1 else 0 end) as passed"
                + " from org_member_branch mb join org_member m on m.member_id = mb.member_id"
                + " join org_member_login l on l.member_id = m.member_id left join quiz_attempt a"
                + " on a.username = l.username and a.quiz_id = :quiz and a.submitted_at is not null"
                + " where mb.branch_id in (:branches) group by mb.branch_id, m.member_id, m.name"
                + " order by mb.branch_id, m.name", Map.of("quiz", quizId, "branches", branchIds),
                (rs, n) -> new BranchMember(rs.getLong("branch_id"), new MemberResult(rs.getLong("member_id"),
                        rs.getString("name"), rs.getInt("attempts"), rs.getBigDecimal("best"),
                        rs.getInt("passed") == 1)));
    }

    private record BranchMember(long branchId, MemberResult member) {
    }

    /** The questions missed most by members in reach (not answered right in a handed-in attempt). */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public List<Missed> mostMissed(UUID quizId) {
        Set<Long> branches = directory.branchIdsInScope();
        if (branches.isEmpty()) {
            return List.of();
        }
        return named.query("select v.stem, count(*) as answered,"
                + " sum(case when coalesce(aq.score, 0) < v.score then 1 else 0 end) as missed"
                + " from quiz_attempt a join attempt_question aq on aq.attempt_id = a.id"
                + " join question_version v on v.question_id = aq.question_id and v.version = aq.question_version"
                + " where a.quiz_id = :quiz and a.submitted_at is not null and a.username in (select l.username"
                + " from org_member_login l join org_member_branch mb on mb.member_id = l.member_id"
                + " where mb.branch_id in (:branches))"
                + " group by aq.question_id, aq.question_version, v.stem having sum(case when coalesce(aq.score, 0)"
                + " < v.score then 1 else 0 end) > 0 order by missed desc, v.stem limit :limit",
                Map.of("quiz", quizId, "branches", branches, "limit", MOST_MISSED),
                (rs, n) -> new Missed(rs.getString("stem"), rs.getInt("answered"), rs.getInt("missed")));
    }

    /** The branch table and, for each branch in reach, its members, as a workbook in the caller's language. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public byte[] workbook(UUID quizId, Locale locale) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        Sheet branches = workbook.createSheet(t("results.sheet.branches", locale));
        row(branches, 0, t("results.column.branch", locale), t("results.column.members", locale),
                t("results.column.took", locale), t("results.column.passed", locale), t("results.column.rate", locale));
        int at = 1;
        List<BranchResult> results = byBranch(quizId);
        for (BranchResult branch : results) {
            row(branches, at++, branch.branch(), branch.members(), branch.took(), branch.passed(), branch.passRate());
        }
        Sheet members = workbook.createSheet(t("results.sheet.members", locale));
        row(members, 0, t("results.column.branch", locale), t("results.column.name", locale),
                t("results.column.attempts", locale), t("results.column.best", locale),
                t("results.column.passed", locale));
        at = 1;
        Map<Long, List<MemberResult>> byBranch = results.isEmpty() ? Map.of() : members(quizId,
                results.stream().map(BranchResult::branchId).collect(Collectors.toSet())).stream()
                .collect(Collectors.groupingBy(BranchMember::branchId,
                        Collectors.mapping(BranchMember::member, Collectors.toList())));
        for (BranchResult branch : results) {
            for (MemberResult member : byBranch.getOrDefault(branch.branchId(), List.of())) {
                row(members, at++, branch.branch(), member.name(), member.attempts(),
                        member.best() == null ? "" : member.best().stripTrailingZeros().toPlainString(),
                        t(member.passed() ? "results.yes" : "results.no", locale));
            }
        }
        return Spreadsheets.bytes(workbook);
    }

    private String t(String key, Locale locale) {
        return translations.getTranslation(key, locale);
    }

    private static void row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        List<Object> cells = new ArrayList<>(List.of(values));
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i) instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else {
                row.createCell(i).setCellValue(String.valueOf(cells.get(i)));
            }
        }
    }
}
