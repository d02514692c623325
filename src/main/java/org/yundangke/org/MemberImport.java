package org.yundangke.org;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.Spreadsheets;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.Translations;
import org.yundangke.base.UserError;

/**
 * Onboarding in bulk, for admins: branches and their members from an Excel file in the template's columns, with a
 * login for those who want one. As with questions: first a check of every row with nothing saved (a new branch needs
 * a committee of the admin's area and a type; a member a name, sensible dates, a phone that is a phone, managing
 * branches that exist; no one twice), with an error workbook naming row and reason; then an import in one
 * transaction, refused while any row is wrong, so a bad file imports nothing.
 */
@Service
public class MemberImport {

    public static final int MAX_ROWS = 20_000;

    /** Why a row is wrong: a message key and its arguments. */
    public record Problem(String messageKey, Object... args) {
    }

    /** One row as checked: its number as Excel shows it, its cells, and what is wrong with it. */
    public record RowCheck(int rowNumber, List<String> cells, List<Problem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** The rows of a file, checked; the new branches it would make. */
    public record Check(List<RowCheck> rows, Set<String> newBranches) {
        public long invalid() {
            return rows.stream().filter(r -> !r.valid()).count();
        }
    }

    /** What an import did, and the logins it opened (name, user name, one-time password) to hand over. */
    public record Result(int branches, int members, List<List<String>> logins) {
    }

    private final OrgDirectory directory;
    private final BranchRepository branches;
    private final CommitteeRepository committees;
    private final MemberRepository members;
    private final Accounts accounts;
    private final JdbcTemplate jdbc;
    private final Translations translations;
    private final StudyCalendar calendar;

    MemberImport(OrgDirectory directory, BranchRepository branches, CommitteeRepository committees,
                 MemberRepository members, Accounts accounts, JdbcTemplate jdbc, Translations translations,
                 StudyCalendar calendar) {
        this.directory = directory;
        this.branches = branches;
        this.committees = committees;
        this.members = members;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.translations = translations;
        this.calendar = calendar;
    }

    /** The template: the header and two sample rows. */
    @PreAuthorize("hasRole('ADMIN')")
    public byte[] template() {
        return Spreadsheets.workbook(MemberRows.SHEET, MemberRows.HEADER, MemberRows.SAMPLES);
    }

    /** Checks the first sheet of a workbook; nothing is saved. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Check check(InputStream xlsx, IntConsumer progress) {
        Spreadsheets.Rows rows = Spreadsheets.read(xlsx, MAX_ROWS, progress);
        if (rows.cells().isEmpty() || !header(rows.cells().getFirst())) {
            throw new UserError("import.header", String.join(" | ", MemberRows.HEADER));
        }
        Scope scope = scope();
        Map<String, Integer> newBranches = new LinkedHashMap<>(); // name → the row that makes it
        Map<String, Integer> seen = new HashMap<>();
        List<RowCheck> checked = new ArrayList<>();
        for (int i = 1; i < rows.cells().size(); i++) {
            List<String> cells = padded(rows.cells().get(i));
            int number = rows.numbers().get(i);
            List<Problem> problems = new ArrayList<>();
            checkBranch(cells, number, scope, newBranches, problems);
            checkMember(cells, problems);
            String branch = cells.get(MemberRows.BRANCH);
            String person = branch + "/" + cells.get(MemberRows.NAME) + "/" + cells.get(MemberRows.PHONE);
            if (scope.people().contains(person)) {
                problems.add(new Problem("members.import.exists"));
            } else if (seen.containsKey(person)) {
                problems.add(new Problem("members.import.twice", seen.get(person)));
            } else {
                seen.put(person, number);
            }
            if (!cells.get(MemberRows.MANAGING_1).isEmpty()
                    && cells.get(MemberRows.MANAGING_1).equals(cells.get(MemberRows.MANAGING_2))) {
                problems.add(new Problem("members.import.managing-twice"));
            }
            for (int column : List.of(MemberRows.MANAGING_1, MemberRows.MANAGING_2)) {
                String managing = cells.get(column);
                if (!managing.isEmpty() && (managing.equals(branch)
                        || !scope.branches().containsKey(managing) && !newBranches.containsKey(managing))) {
                    problems.add(new Problem("members.import.managing", managing));
                }
            }
            checked.add(new RowCheck(number, cells, problems));
        }
        return new Check(checked, newBranches.keySet());
    }

    /** The file again with 错误行号 and 错误原因 beside each wrong row. */
    @PreAuthorize("hasRole('ADMIN')")
    public byte[] errorWorkbook(Check check, Locale locale) {
        return Spreadsheets.errorWorkbook(MemberRows.SHEET, MemberRows.HEADER,
                translations.getTranslation("import.column.row", locale),
                translations.getTranslation("import.column.reason", locale), MemberRows.COLUMNS,
                check.rows().stream().map(r -> new Spreadsheets.Checked(r.cells(), r.rowNumber(), r.problems().stream()
                        .map(p -> translations.getTranslation(p.messageKey(), locale, p.args())).toList())).toList());
    }

    /** Imports a checked file in one transaction: refused while any row is wrong, so nothing half-imported. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Result commit(Check check) {
        if (check.invalid() > 0) {
            throw new UserError("members.import.has-errors", check.invalid());
        }
        Scope scope = scope();
        Map<String, Branch> byName = new HashMap<>();
        branches.findAllWithCommittee(List.copyOf(scope.branches().values())).forEach(b -> byName.put(b.getName(), b));
        int made = 0;
        for (RowCheck row : check.rows()) {
            String name = row.cells().get(MemberRows.BRANCH);
            if (!byName.containsKey(name)) {
                Committee committee = committees.findById(scope.committees().get(row.cells().get(MemberRows.COMMITTEE)))
                        .orElseThrow();
                byName.put(name, branches.save(new Branch(name, MemberRows.kind(row.cells().get(MemberRows.KIND))
                        .orElseThrow(), committee, false)));
                made++;
            }
        }
        List<List<String>> logins = new ArrayList<>();
        for (RowCheck row : check.rows()) {
            List<String> c = row.cells();
            Member member = new Member(c.get(MemberRows.NAME), byName.get(c.get(MemberRows.BRANCH)));
            member.describe(blank(c.get(MemberRows.GENDER)), c.get(MemberRows.BIRTH_YEAR).isEmpty() ? null
                    : Integer.valueOf(c.get(MemberRows.BIRTH_YEAR)), MemberRows.date(c.get(MemberRows.JOINED))
                    .orElse(null), blank(c.get(MemberRows.PHONE)), blank(c.get(MemberRows.FORMER_UNIT)));
            for (int column : List.of(MemberRows.MANAGING_1, MemberRows.MANAGING_2)) {
                if (!c.get(column).isEmpty()) {
                    member.addManagingBranch(byName.get(c.get(column)));
                }
            }
            member = members.save(member);
            if (MemberRows.YES.equals(c.get(MemberRows.ACCOUNT))) {
                Accounts.NewLogin login = accounts.open(member);
                logins.add(List.of(member.getName(), login.username(), login.oneTimePassword()));
            }
        }
        return new Result(made, check.rows().size(), logins);
    }

    /** The logins an import opened, to print or hand over: name, user name, one-time password. */
    public byte[] loginWorkbook(Result result, Locale locale) {
        return Spreadsheets.workbook(translations.getTranslation("members.import.logins.sheet", locale),
                List.of(translations.getTranslation("member.name", locale),
                        translations.getTranslation("login.username", locale),
                        translations.getTranslation("members.import.logins.password", locale)), result.logins());
    }

    /** The admin's area: committees and branches by name, and the members already in those branches. */
    private record Scope(Map<String, Long> committees, Map<String, Long> branches, Set<String> elsewhere,
                         Set<String> people) {
    }

    private Scope scope() {
        Map<String, Long> inArea = new HashMap<>();
        directory.committeesInScope().forEach(c -> inArea.put(c.name(), c.id()));
        Map<String, Long> ours = new HashMap<>();
        directory.branchesInScope().forEach(b -> ours.put(b.name(), b.id()));
        Set<String> elsewhere = new HashSet<>(jdbc.queryForList("select name from branch", String.class));
        elsewhere.removeAll(ours.keySet());
        Set<String> people = new HashSet<>();
        if (!ours.isEmpty()) {
            jdbc.query("select b.name as branch, m.name, m.phone from member m join branch b on b.id = m.primary_branch_id"
                    + " where b.id in (" + String.join(",", ours.values().stream().map(String::valueOf).toList()) + ")",
                    rs -> {
                        people.add(rs.getString("branch") + "/" + rs.getString("name") + "/"
                                + Optional.ofNullable(rs.getString("phone")).orElse(""));
                    });
        }
        return new Scope(inArea, ours, elsewhere, people);
    }

    private void checkBranch(List<String> cells, int number, Scope scope, Map<String, Integer> newBranches,
                             List<Problem> problems) {
        String branch = cells.get(MemberRows.BRANCH);
        if (branch.isEmpty() || branch.length() > 100) {
            problems.add(new Problem("members.import.branch"));
        } else if (scope.elsewhere().contains(branch)) {
            problems.add(new Problem("members.import.branch-elsewhere", branch));
        } else if (!scope.branches().containsKey(branch) && !newBranches.containsKey(branch)) {
            if (!scope.committees().containsKey(cells.get(MemberRows.COMMITTEE))) {
                problems.add(new Problem("members.import.committee", cells.get(MemberRows.COMMITTEE)));
            }
            if (MemberRows.kind(cells.get(MemberRows.KIND)).isEmpty()) {
                problems.add(new Problem("members.import.kind"));
            }
            if (problems.isEmpty()) {
                newBranches.put(branch, number);
            }
        }
    }

    private void checkMember(List<String> cells, List<Problem> problems) {
        String name = cells.get(MemberRows.NAME);
        if (name.isEmpty() || name.length() > 50) {
            problems.add(new Problem("members.import.name"));
        }
        String gender = cells.get(MemberRows.GENDER);
        if (!gender.isEmpty() && !MemberRows.GENDERS.contains(gender)) {
            problems.add(new Problem("members.import.gender"));
        }
        String year = cells.get(MemberRows.BIRTH_YEAR);
        int thisYear = calendar.today().getYear();
        if (!year.isEmpty() && (!year.matches("\\d{4}") || Integer.parseInt(year) < 1900
                || Integer.parseInt(year) > thisYear)) {
            problems.add(new Problem("members.import.birth-year", thisYear));
        }
        String joined = cells.get(MemberRows.JOINED);
        Optional<LocalDate> joinedOn = MemberRows.date(joined);
        if (!joined.isEmpty() && (joinedOn.isEmpty() || joinedOn.get().isAfter(calendar.today())
                || joinedOn.get().getYear() < 1921)) {
            problems.add(new Problem("members.import.joined"));
        }
        String phone = cells.get(MemberRows.PHONE);
        if (!phone.isEmpty() && !phone.matches("[0-9 +()-]{7,20}")) {
            problems.add(new Problem("members.import.phone"));
        }
        String account = cells.get(MemberRows.ACCOUNT);
        if (!account.isEmpty() && !MemberRows.YES.equals(account) && !MemberRows.NO.equals(account)) {
            problems.add(new Problem("members.import.account"));
        }
        if (cells.get(MemberRows.FORMER_UNIT).length() > 100) {
            problems.add(new Problem("members.import.former-unit"));
        }
    }

    private static List<String> padded(List<String> row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < MemberRows.COLUMNS; i++) {
            cells.add(i < row.size() ? row.get(i).strip() : "");
        }
        return cells;
    }

    private static boolean header(List<String> first) {
        return first.size() >= MemberRows.COLUMNS && first.subList(0, MemberRows.COLUMNS).stream().map(String::strip)
                .toList().equals(MemberRows.HEADER);
    }

    private static @Nullable String blank(String cell) {
        return cell.isEmpty() ? null : cell;
    }
}
