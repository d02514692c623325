package org.yundangke.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.yundangke.Logins;
import org.yundangke.bench.BenchmarkReport;

/**
 * Quiz figures as ratios against a baseline measured in the same run: importing 10,000 rows (the app's check, and
 * check + commit, against a bare streaming POI read of the same file), grading (against comparing answer lists with
 * {@code equals}), and opening a drawn test (start + sheet, against reading the draw's pool alone).
 * Run: {@code mvn test -Pbench -Dtest=QuizBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest
@ActiveProfiles("test")
class QuizBenchmark {

    static final int ROWS = 10_000;
    static final int RUNS = 3;

    @Autowired
    QuestionImport imports;

    @Autowired
    Quizzes quizzes;

    @Autowired
    Attempts attempts;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void import_grading_and_drawing() throws Exception {
        logins.as("lecturer");
        long[] bare = new long[RUNS];
        long[] check = new long[RUNS];
        long[] commit = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
            byte[] file = workbook("b" + run + UUID.randomUUID().toString().substring(0, 6));
            long t0 = System.nanoTime();
            int read = bareRead(file);
            bare[run] = System.nanoTime() - t0;
            assertThat(read).isEqualTo(ROWS + 1);
            t0 = System.nanoTime();
            QuestionImport.Check checked = imports.checkWorkbook(new ByteArrayInputStream(file), n -> { });
            check[run] = System.nanoTime() - t0;
            assertThat(checked.valid()).isEqualTo(ROWS);
            t0 = System.nanoTime();
            assertThat(imports.commit(checked, false, n -> { })).isEqualTo(ROWS);
            commit[run] = System.nanoTime() - t0;
        }
        long bareMedian = median(bare);
        long checkMedian = median(check);
        long commitMedian = median(commit);

        Grades grades = grading();
        Draws draws = drawing();
        BenchmarkReport.write("Quizzes: import " + ROWS + " rows (H2), grading, drawing", String.join("\n",
                "| figure | app | baseline | app ÷ baseline |", "|---|---|---|---|",
                String.format("| import check of %,d rows (median of %d) | %d ms | bare POI streaming read: %d ms | **%.1f** |",
                        ROWS, RUNS, checkMedian / 1_000_000, bareMedian / 1_000_000, (double) checkMedian / bareMedian),
                String.format("| import check + commit | %d ms | bare POI streaming read: %d ms | **%.1f** |",
                        (checkMedian + commitMedian) / 1_000_000, bareMedian / 1_000_000,
                        (double) (checkMedian + commitMedian) / bareMedian),
                String.format("| grading: answers per second | %,.0f | `List.equals`: %,.0f | **%.2f** |",
                        grades.app(), grades.baseline(), grades.app() / grades.baseline()),
                String.format("| opening a drawn 10-question test (start + sheet) per second | %,.0f | the pool's"
                        + " select alone: %,.0f | **%.3f** |", draws.app(), draws.baseline(),
                        draws.app() / draws.baseline())));
        logins.logout();
    }

    record Grades(double app, double baseline) {
    }

    record Draws(double app, double baseline) {
    }

    /** Grading a mix of the four types, against comparing each answer with its key as lists. */
    private Grades grading() {
        List<QuestionDraft> questions = List.of(
                draft(QuestionType.SINGLE, List.of("甲", "乙", "丙", "丁"), List.of("B")),
                draft(QuestionType.MULTIPLE, List.of("甲", "乙", "丙", "丁"), List.of("A", "C", "D")),
                draft(QuestionType.TRUE_FALSE, List.of(), List.of(QuestionDraft.TRUE)),
                draft(QuestionType.FILL_IN, List.of(), List.of("遵义会议", "遵义")));
        List<List<String>> answers = List.of(List.of("B"), List.of("A", "C"), List.of("FALSE"), List.of(" 遵义。"));
        int n = 2_000_000;
        double app = 0;
        double baseline = 0;
        for (int round = 0; round < 2; round++) { // the first round warms both up
            long t0 = System.nanoTime();
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                sum = sum.add(Grading.score(questions.get(i & 3), answers.get(i & 3), true));
            }
            app = n / ((System.nanoTime() - t0) / 1e9);
            assertThat(sum).isPositive();
            t0 = System.nanoTime();
            int equal = 0;
            for (int i = 0; i < n; i++) {
                equal += questions.get(i & 3).key().equals(answers.get(i & 3)) ? 1 : 0;
            }
            baseline = n / ((System.nanoTime() - t0) / 1e9);
            assertThat(equal).isGreaterThan(0);
        }
        return new Grades(app, baseline);
    }

    /** A test of 10 questions drawn from a 10,000-question category. */
    private Draws drawing() {
        String category = jdbc.queryForObject("select path from quiz_category where path like 'bench/%' limit 1",
                String.class);
        UUID quiz = quizzes.create(new QuizDraft("压测测验", QuizKind.PRACTICE, "", null, List.of(),
                List.of(new QuizDraft.DrawRule(category, null, 10)), 0, null, null, true)).id();
        quizzes.publish(quiz);
        logins.as("member");
        int n = 200;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            UUID attempt = attempts.start(quiz);
            assertThat(attempts.sheet(attempt).questions()).hasSize(10);
            attempts.submit(attempt); // so the next start draws afresh
        }
        double app = n / ((System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            assertThat(jdbc.queryForList("select q.id from question q join quiz_category c on c.id = q.category_id"
                    + " where not q.retired and (c.path = ? or c.path like ?)", UUID.class, category, category + "/%"))
                    .isNotEmpty();
        }
        double baseline = n / ((System.nanoTime() - t0) / 1e9);
        logins.as("lecturer");
        return new Draws(app, baseline);
    }

    private static QuestionDraft draft(QuestionType type, List<String> options, List<String> key) {
        return new QuestionDraft(type, "题", options, key, "", BigDecimal.ONE, 1, "bench", List.of(), null);
    }

    /** 10,000 rows of the four types in the template's columns, all in one category. */
    private static byte[] workbook(String tag) throws Exception {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("题库");
            write(sheet.createRow(0), QuestionRows.HEADER);
            for (int i = 1; i <= ROWS; i++) {
                String stem = "压测题 " + tag + " 第" + i + "题：中国共产党第一次全国代表大会在哪一年召开？";
                List<String> row = switch (i % 4) {
                    case 0 -> List.of("单选", stem, "1919年", "1921年", "1927年", "1949年", "", "", "B", "解析", "1", "1");
                    case 1 -> List.of("多选", stem, "甲", "乙", "丙", "丁", "", "", "ACD", "解析", "2", "2");
                    case 2 -> List.of("判断", stem, "", "", "", "", "", "", "对", "解析", "1", "1");
                    default -> List.of("填空", stem + "____", "", "", "", "", "", "", "1921|1921年", "解析", "1", "3");
                };
                List<String> cells = new ArrayList<>(row);
                cells.addAll(List.of("bench/" + tag, "建党|中共一大"));
                write(sheet.createRow(i), cells);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void write(Row row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (!cells.get(c).isEmpty()) {
                row.createCell(c).setCellValue(cells.get(c));
            }
        }
    }

    /** The least a streaming read does: every cell's text through POI's SAX handler, rows counted. */
    private static int bareRead(byte[] file) throws Exception {
        int[] rows = {0};
        try (InputStream in = new ByteArrayInputStream(file); OPCPackage pkg = OPCPackage.open(in)) {
            XSSFReader reader = new XSSFReader(pkg);
            XMLReader parser = SAXHelper.newXMLReader();
            List<String> cells = new ArrayList<>();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                    new ReadOnlySharedStringsTable(pkg), new XSSFSheetXMLHandler.SheetContentsHandler() {
                        @Override
                        public void startRow(int rowNum) {
                            cells.clear();
                        }

                        @Override
                        public void endRow(int rowNum) {
                            rows[0]++;
                        }

                        @Override
                        public void cell(String ref, String value, XSSFComment comment) {
                            cells.add(value);
                        }
                    }, new DataFormatter(), false));
            try (InputStream sheet = reader.getSheetsData().next()) {
                parser.parse(new InputSource(sheet));
            }
        }
        return rows[0];
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
