package org.yundangke.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Logins;
import org.yundangke.base.UserError;

/** Importing questions: a good file, each kind of bad row, Aiken text, and export → import. */
@SpringBootTest
@ActiveProfiles("test")
class QuestionImportTest {

    @Autowired
    QuestionImport imports;

    @Autowired
    QuestionBank bank;

    @Autowired
    Logins logins;

    String tag;

    @BeforeEach
    void lecturer() {
        logins.as("lecturer");
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void a_good_file_is_checked_then_imported_whole() throws IOException {
        byte[] file = workbook(QuestionRows.HEADER,
                row("单选\t" + tag + "甲题\t北京\t上海\t\t\t\t\tB\t解析\t1\t1\t导入测试/甲\t知识点"),
                row("多选\t" + tag + "乙题\t甲\t乙\t丙\t\t\t\tA,C\t\t2\t2\t导入测试/乙\t"),
                row("判断\t" + tag + "丙题\t\t\t\t\t\t\t错\t\t\t\t导入测试\t"),
                row(""),
                row("填空\t" + tag + "丁题____\t\t\t\t\t\t\t1921|1921年\t\t1\t3\t导入测试\t"));
        List<Integer> progress = new ArrayList<>();
        QuestionImport.Check check = imports.checkWorkbook(new ByteArrayInputStream(file), progress::add);
        assertThat(check.rows()).as("rows as Excel numbers them, the blank one left out")
                .extracting(QuestionImport.RowCheck::rowNumber).containsExactly(2, 3, 4, 6);
        assertThat(check.invalid()).isZero();
        assertThat(bank.count(tag)).as("nothing before the commit").isZero();

        assertThat(imports.commit(check, false, progress::add)).isEqualTo(4);
        assertThat(bank.count(tag)).isEqualTo(4);
        assertThat(progress).last().isEqualTo(4);
        Question multiple = bank.search(tag + "乙题", 0, 1).getFirst();
        assertThat(multiple.content().key()).containsExactly("A", "C");
        assertThat(multiple.content().categoryPath()).isEqualTo("导入测试/乙");
        assertThat(bank.categories()).contains("导入测试", "导入测试/甲", "导入测试/乙");
    }

    @Test
    void a_file_with_bad_rows_imports_nothing_and_its_error_workbook_names_each_row_and_reason() throws IOException {
        bank.create(QuestionRows.parse(row("单选\t" + tag + "已有的题\t甲\t乙\t\t\t\t\tA\t\t1\t1\t导入测试\t")).draft());
        byte[] file = workbook(QuestionRows.HEADER,
                row("单选\t" + tag + "好题\t甲\t乙\t\t\t\t\tA\t\t1\t1\t导入测试\t"),
                row("问答\t" + tag + "坏题型\t\t\t\t\t\t\tA\t\t1\t1\t导入测试\t"),
                row("单选\t" + tag + "少选项\t甲\t\t\t\t\t\tA\t\t1\t1\t导入测试\t"),
                row("单选\t" + tag + "答案不对\t甲\t乙\t\t\t\t\tE\t\t1\t1\t导入测试\t"),
                row("多选\t" + tag + "多选一个答案\t甲\t乙\t\t\t\t\tA\t\t1\t1\t导入测试\t"),
                row("判断\t" + tag + "判断\t\t\t\t\t\t\t不知道\t\t1\t1\t导入测试\t"),
                row("填空\t" + tag + "填空\t\t\t\t\t\t\t\t\t1\t1\t导入测试\t"),
                row("单选\t" + tag + "分值\t甲\t乙\t\t\t\t\tA\t\t一分\t1\t导入测试\t"),
                row("单选\t" + tag + "已有的题\t甲\t乙\t\t\t\t\tA\t\t1\t1\t导入测试\t"),
                row("单选\t" + tag + "好题。\t甲\t乙\t\t\t\t\tB\t\t1\t1\t导入测试\t"),
                row("单选\t" + "长".repeat(1001) + "\t甲\t乙\t\t\t\t\tA\t\t1\t1\t导入测试\t"));
        QuestionImport.Check check = imports.checkWorkbook(new ByteArrayInputStream(file), n -> { });
        assertThat(check.valid()).isEqualTo(1);
        assertThat(check.invalid()).isEqualTo(10);
        assertThatThrownBy(() -> imports.commit(check, false, n -> { })).isInstanceOf(UserError.class)
                .hasMessage("import.has-errors");
        assertThat(bank.count(tag)).as("only the one made before").isEqualTo(1);

        try (XSSFWorkbook errors = new XSSFWorkbook(new ByteArrayInputStream(imports.errorWorkbook(check,
                Locale.SIMPLIFIED_CHINESE)))) {
            Sheet sheet = errors.getSheetAt(0);
            assertThat(text(sheet.getRow(0), 14)).isEqualTo("错误行号");
            assertThat(text(sheet.getRow(0), 15)).isEqualTo("错误原因");
            assertThat(text(sheet.getRow(1), 14)).as("a good row").isEmpty();
            List<String> reasons = new ArrayList<>();
            for (int r = 2; r <= 11; r++) {
                assertThat(text(sheet.getRow(r), 14)).isEqualTo(String.valueOf(r + 1));
                reasons.add(text(sheet.getRow(r), 15));
            }
            assertThat(reasons).containsExactly("题型请写“单选”“多选”“判断”或“填空”。",
                    "选择题请给出 2 到 6 个选项，每个选项最多 500 个字，中间不要空着。",
                    "答案请写选项字母，从 A 到 B，例如 B 或 ACD。",
                    "多选题至少要有两个正确选项；若只有一个，请把题型改为“单选”。",
                    "判断题的答案请写“对”或“错”。",
                    "填空题请写出正确答案，几种说法都算对时用“|”隔开，每个最多 100 个字。",
                    "分值和难度请填数字：分值如 1 或 2，难度填 1、2 或 3。",
                    "题库里已经有这道题（题干相同）。请删除这一行，或改一改题干。",
                    "和第 2 行是同一道题（题干相同）。请删除其中一行。",
                    "请填写题干，最多 1000 个字。");
        }
        try (XSSFWorkbook errors = new XSSFWorkbook(new ByteArrayInputStream(imports.errorWorkbook(check,
                Locale.ENGLISH)))) {
            assertThat(text(errors.getSheetAt(0).getRow(0), 15)).isEqualTo("Reason");
        }

        assertThat(imports.commit(check, true, n -> { })).as("the good rows only, when asked").isEqualTo(1);
        assertThat(bank.count(tag)).isEqualTo(2);
    }

    @Test
    void files_that_are_not_the_template_are_refused_with_what_to_do() throws IOException {
        assertThatThrownBy(() -> imports.checkWorkbook(new ByteArrayInputStream("题型,题干".getBytes()), n -> { }))
                .isInstanceOf(UserError.class).hasMessage("import.not-xlsx");
        byte[] otherColumns = workbook(List.of("问题", "答案"), List.of("甲", "乙"));
        assertThatThrownBy(() -> imports.checkWorkbook(new ByteArrayInputStream(otherColumns), n -> { }))
                .isInstanceOf(UserError.class).hasMessage("import.header");
    }

    @Test
    void aiken_text_imports_single_choice_questions_into_the_chosen_category() {
        String aiken = """
                %s 中共一大在哪里开幕？
                A. 北京
                B. 上海
                C. 广州
                ANSWER: B

                %s 遵义会议在哪一年召开？
                A) 1934年
                B) 1935年
                ANSWER: B

                %s 没有答案的题
                A. 甲
                B. 乙
                """.formatted(tag, tag, tag);
        QuestionImport.Check check = imports.checkAiken(aiken, "导入测试/Aiken");
        assertThat(check.rows()).extracting(QuestionImport.RowCheck::rowNumber).containsExactly(1, 7, 12);
        assertThat(check.rows().get(0).draft().options()).containsExactly("北京", "上海", "广州");
        assertThat(check.rows().get(1).draft().key()).containsExactly("B");
        assertThat(check.rows().get(2).problems()).extracting(QuestionDraft.Problem::messageKey)
                .containsExactly("question.invalid.key.letters");
        assertThat(imports.commit(check, true, n -> { })).isEqualTo(2);
        assertThat(bank.search(tag, 0, 10)).allSatisfy(q -> assertThat(q.content().categoryPath())
                .isEqualTo("导入测试/Aiken"));
    }

    @Test
    void exported_questions_import_back_the_same() throws IOException {
        QuestionImport.Check made = imports.checkWorkbook(new ByteArrayInputStream(workbook(QuestionRows.HEADER,
                row("多选\t" + tag + "导出题一\t甲\t乙\t丙\t\t\t\tAB\t解析一\t2.5\t3\t导出/一\t甲|乙"),
                row("填空\t" + tag + "导出题二____\t\t\t\t\t\t\t甲|乙\t\t1\t2\t导出/二\t"))), n -> { });
        imports.commit(made, false, n -> { });
        List<QuestionDraft> before = bank.search(tag, 0, 10).stream().map(Question::content).toList();

        byte[] exported = imports.export(tag);
        bank.search(tag, 0, 10).forEach(q -> bank.retire(q.id()));
        QuestionImport.Check again = imports.checkWorkbook(new ByteArrayInputStream(exported), n -> { });
        assertThat(again.invalid()).isZero();
        imports.commit(again, false, n -> { });
        assertThat(bank.search(tag, 0, 10).stream().map(Question::content).toList())
                .containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void the_template_holds_one_sample_of_each_type_and_checks_clean() throws IOException {
        try (InputStream template = new ByteArrayInputStream(imports.template())) {
            QuestionImport.Check check = imports.checkWorkbook(template, n -> { });
            assertThat(check.rows()).hasSize(4);
            assertThat(check.rows()).allSatisfy(r -> assertThat(r.problems()).extracting(QuestionDraft.Problem::messageKey)
                    .isSubsetOf("import.duplicate.bank"));
        }
    }

    static List<String> row(String tabs) {
        return Arrays.asList(tabs.split("\t", -1));
    }

    @SafeVarargs
    static byte[] workbook(List<String> header, List<String>... rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("题库");
            List<List<String>> all = new ArrayList<>(List.of(header));
            all.addAll(List.of(rows));
            for (int r = 0; r < all.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < all.get(r).size(); c++) {
                    if (!all.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(all.get(r).get(c));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    static String text(Row row, int column) {
        return row.getCell(column) == null ? "" : new DataFormatter().formatCellValue(row.getCell(column));
    }
}
