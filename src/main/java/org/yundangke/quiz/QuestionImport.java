package org.yundangke.quiz;

import java.io.InputStream;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.Spreadsheets;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.Translations;
import org.yundangke.base.UserError;

/**
 * Questions in bulk: an Excel workbook in the template's columns (read as a stream, so 10,000 rows take little
 * memory) or Aiken text ({@code ANSWER: B}). First a check of every row, with nothing saved: which rows are good and
 * what is wrong with the others, also as a copy of the workbook with 错误行号 and 错误原因 columns. Then a commit of all
 * rows, refused while any row is wrong, or of the good rows only when the user says so; either in one transaction.
 */
@Service
@Transactional(readOnly = true)
public class QuestionImport {

    public static final int MAX_ROWS = 20_000;
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final QuestionBank bank;
    private final Translations translations;
    private final StudyCalendar calendar;

    QuestionImport(JdbcTemplate jdbc, QuestionBank bank, Translations translations, StudyCalendar calendar) {
        this.jdbc = jdbc;
        this.bank = bank;
        this.translations = translations;
        this.calendar = calendar;
    }

    /** One row of a file: its number as the user sees it (the header is row 1), its cells, and the result. */
    public record RowCheck(int rowNumber, List<String> cells, @Nullable QuestionDraft draft,
                           List<QuestionDraft.Problem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** What a file would import. */
    public record Check(List<RowCheck> rows) {

        public long valid() {
            return rows.stream().filter(RowCheck::valid).count();
        }

        public long invalid() {
            return rows.size() - valid();
        }
    }

    /** Checks the first sheet of a workbook; {@code progress} hears the number of rows read so far. */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    public Check checkWorkbook(InputStream xlsx, IntConsumer progress) {
        Spreadsheets.Rows rows = Spreadsheets.read(xlsx, MAX_ROWS, progress);
        if (rows.cells().isEmpty() || !header(rows.cells().getFirst())) {
            throw new UserError("import.header", String.join(" | ", QuestionRows.HEADER));
        }
        return check(rows.cells().subList(1, rows.cells().size()), rows.numbers().subList(1, rows.numbers().size()));
    }

    /**
     * Checks Aiken text: a question, its options "A. …" on the lines after it, then "ANSWER: B", a blank line between
     * questions. Aiken has single choice only and no category; {@code categoryPath} gives one.
     */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    public Check checkAiken(String text, String categoryPath) {
        List<List<String>> rows = new ArrayList<>();
        List<Integer> firstLines = new ArrayList<>();
        List<String> block = new ArrayList<>();
        String[] lines = text.replace("\r", "").split("\n", -1);
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i].strip() : "";
            if (!line.isEmpty()) {
                if (block.isEmpty()) {
                    firstLines.add(i + 1);
                }
                block.add(line);
            }
            if ((line.isEmpty() || line.toUpperCase(Locale.ROOT).startsWith("ANSWER")) && !block.isEmpty()) {
                rows.add(aikenRow(block, categoryPath));
                block = new ArrayList<>();
            }
        }
        return check(rows, firstLines); // a question is named by the line it starts on
    }

    /** The file again, with 错误行号 and 错误原因 (in the caller's language) beside every row. */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    public byte[] errorWorkbook(Check check, Locale locale) {
        return Spreadsheets.errorWorkbook(translations.getTranslation("import.sheet", locale), QuestionRows.HEADER,
                translations.getTranslation("import.column.row", locale),
                translations.getTranslation("import.column.reason", locale), QuestionRows.COLUMNS,
                check.rows().stream().map(row -> new Spreadsheets.Checked(row.cells(), row.rowNumber(), row.problems()
                        .stream().map(p -> translations.getTranslation(p.messageKey(), locale, p.args())).toList()))
                        .toList());
    }

    /**
     * Saves the checked questions in one transaction: all of them, refused while any row is wrong, or only the good
     * ones when {@code validRowsOnly}. Duplicates are checked again, as someone may have added the same meanwhile.
     */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    @Transactional
    public int commit(Check check, boolean validRowsOnly, IntConsumer progress) {
        if (check.invalid() > 0 && !validRowsOnly) {
            throw new UserError("import.has-errors", check.invalid());
        }
        List<QuestionDraft> drafts = check.rows().stream().filter(RowCheck::valid).map(RowCheck::draft).toList();
        Set<String> existing = bank.fingerprints();
        if (drafts.stream().anyMatch(d -> existing.contains(QuestionBank.fingerprint(d.stem())))) {
            throw new UserError("import.changed-meanwhile");
        }
        Map<String, Long> categories = new HashMap<>();
        String user = CurrentUser.name();
        Timestamp now = Timestamp.from(calendar.now());
        for (int from = 0; from < drafts.size(); from += BATCH) {
            List<QuestionDraft> batch = drafts.subList(from, Math.min(from + BATCH, drafts.size()));
            List<Object[]> questions = new ArrayList<>();
            List<Object[]> versions = new ArrayList<>();
            for (QuestionDraft draft : batch) {
                UUID id = UUID.randomUUID();
                long category = categories.computeIfAbsent(draft.categoryPath(), bank::categoryId);
                questions.add(new Object[]{id, category, draft.lessonId(), user, now});
                versions.add(QuestionBank.versionRow(id, 1, draft, user, now));
            }
            jdbc.batchUpdate("insert into question (id, version, category_id, lesson_id, created_by, created_at)"
                    + " values (?, 1, ?, ?, ?, ?)", questions);
            jdbc.batchUpdate(QuestionBank.INSERT_VERSION, versions);
            progress.accept(from + batch.size());
        }
        return drafts.size();
    }

    /** The template: the header and one sample row of each type. */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    public byte[] template() {
        List<QuestionDraft> samples = QuestionRows.SAMPLES.stream().map(QuestionRows::draft).toList();
        return workbook(samples);
    }

    /** The bank (or what the words find in it) in the template's columns, for editing and importing elsewhere. */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    public byte[] export(String words) {
        List<QuestionDraft> all = new ArrayList<>();
        int page = 1000;
        for (int offset = 0; ; offset += page) {
            List<Question> found = bank.search(words, offset, page);
            found.forEach(q -> all.add(q.content()));
            if (found.size() < page) {
                break;
            }
        }
        return workbook(all);
    }

    private static byte[] workbook(List<QuestionDraft> questions) {
        return Spreadsheets.workbook(QuestionRows.SHEET, QuestionRows.HEADER,
                questions.stream().map(QuestionRows::cells).toList());
    }

    private Check check(List<List<String>> rows, List<Integer> numbers) {
        Set<String> existing = bank.fingerprints();
        Map<String, Integer> seen = new HashMap<>();
        List<RowCheck> checked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> cells = rows.get(i);
            int number = numbers.get(i);
            QuestionRows.Parsed parsed = QuestionRows.parse(cells);
            List<QuestionDraft.Problem> problems = new ArrayList<>(parsed.problems());
            if (parsed.draft() != null) {
                String fingerprint = QuestionBank.fingerprint(parsed.draft().stem());
                if (existing.contains(fingerprint)) {
                    problems.add(new QuestionDraft.Problem("import.duplicate.bank"));
                } else if (seen.containsKey(fingerprint)) {
                    problems.add(new QuestionDraft.Problem("import.duplicate.file", seen.get(fingerprint)));
                } else {
                    seen.put(fingerprint, number);
                }
            }
            checked.add(new RowCheck(number, cells, problems.isEmpty() ? parsed.draft() : null, problems));
        }
        return new Check(checked);
    }

    private static List<String> aikenRow(List<String> block, String categoryPath) {
        List<String> options = new ArrayList<>();
        StringBuilder stem = new StringBuilder();
        String answer = "";
        for (String line : block) {
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.startsWith("ANSWER")) {
                answer = line.substring(line.indexOf(':') + 1).strip();
            } else if (line.length() > 2 && line.charAt(0) == (char) ('A' + options.size())
                    && (line.charAt(1) == '.' || line.charAt(1) == ')' || line.charAt(1) == '．')) {
                options.add(line.substring(2).strip());
            } else if (options.isEmpty()) {
                stem.append(stem.isEmpty() ? "" : " ").append(line);
            } else {
                options.set(options.size() - 1, options.getLast() + " " + line);
            }
        }
        List<String> row = new ArrayList<>(List.of(QuestionRows.label(QuestionType.SINGLE), stem.toString()));
        for (int i = 0; i < QuestionDraft.MAX_OPTIONS; i++) {
            row.add(i < options.size() ? options.get(i) : "");
        }
        // more than six options cannot be kept: the count check names it
        row.addAll(List.of(options.size() > QuestionDraft.MAX_OPTIONS ? "" : answer, "", "1", "1", categoryPath, ""));
        if (options.size() > QuestionDraft.MAX_OPTIONS) {
            row.set(8, "?");
        }
        return row;
    }

    private static boolean header(List<String> first) {
        return first.size() >= QuestionRows.COLUMNS
                && first.subList(0, QuestionRows.COLUMNS).stream().map(String::strip).toList()
                        .equals(QuestionRows.HEADER);
    }
}
