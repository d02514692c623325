package org.yundangke.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The row format of the template, the import and the demo bank. */
class QuestionRowsTest {

    static List<String> row(String tabs) {
        return Arrays.asList(tabs.split("\t", -1));
    }

    static List<String> problems(String tabs) {
        return QuestionRows.parse(row(tabs)).problems().stream().map(QuestionDraft.Problem::messageKey).toList();
    }

    @Test
    void rows_of_each_type_read_as_people_write_them() {
        QuestionDraft multiple = QuestionRows.parse(row("多选\t三会是指\t支部党员大会\t支部委员会会议\t座谈会\t党小组会\t\t\tA、B，D"
                + "\t解析\t2\t2\t党章/组织制度\t三会一课|组织生活")).draft();
        assertThat(multiple.key()).containsExactly("A", "B", "D");
        assertThat(multiple.options()).hasSize(4);
        assertThat(multiple.tags()).containsExactly("三会一课", "组织生活");
        QuestionDraft trueFalse = QuestionRows.parse(row("判断题\t预备期为一年。\t\t\t\t\t\t\t√\t\t\t\t党章\t")).draft();
        assertThat(trueFalse.key()).containsExactly(QuestionDraft.TRUE);
        assertThat(trueFalse.score()).isEqualByComparingTo("1");
        QuestionDraft fillIn = QuestionRows.parse(row("填空\t____召开于1935年\t\t\t\t\t\t\t遵义会议｜遵义\t\t1\t1\t党史\t"))
                .draft();
        assertThat(fillIn.key()).containsExactly("遵义会议", "遵义");
    }

    @Test
    void each_kind_of_bad_row_names_its_problem() {
        assertThat(problems("问答\t题干\t\t\t\t\t\t\tA\t\t1\t1\t党史\t")).containsExactly("question.invalid.type");
        assertThat(problems("单选\t\tA\tB\t\t\t\t\tA\t\t1\t1\t党史\t")).containsExactly("question.invalid.stem");
        assertThat(problems("单选\t题干\t只有一个\t\t\t\t\t\tA\t\t1\t1\t党史\t")).contains("question.invalid.options");
        assertThat(problems("单选\t题干\t甲\t\t丙\t\t\t\tA\t\t1\t1\t党史\t")).as("a gap")
                .contains("question.invalid.options");
        assertThat(problems("单选\t题干\t甲\t甲\t\t\t\t\tA\t\t1\t1\t党史\t")).contains("question.invalid.options.same");
        assertThat(problems("单选\t题干\t甲\t乙\t\t\t\t\tC\t\t1\t1\t党史\t")).as("no option C")
                .containsExactly("question.invalid.key.letters");
        assertThat(problems("单选\t题干\t甲\t乙\t\t\t\t\tAB\t\t1\t1\t党史\t")).containsExactly("question.invalid.key.single");
        assertThat(problems("多选\t题干\t甲\t乙\t\t\t\t\tA\t\t1\t1\t党史\t")).containsExactly("question.invalid.key.multiple");
        assertThat(problems("判断\t题干\t\t\t\t\t\t\t也许\t\t1\t1\t党史\t")).containsExactly("question.invalid.key.true-false");
        assertThat(problems("判断\t题干\t对\t错\t\t\t\t\t对\t\t1\t1\t党史\t"))
                .containsExactly("question.invalid.options-not-used");
        assertThat(problems("填空\t题干\t\t\t\t\t\t\t\t\t1\t1\t党史\t")).containsExactly("question.invalid.key.fill-in");
        assertThat(problems("单选\t题干\t甲\t乙\t\t\t\t\tA\t\t一分\t1\t党史\t")).containsExactly("question.invalid.numbers");
        assertThat(problems("单选\t题干\t甲\t乙\t\t\t\t\tA\t\t0\t1\t党史\t")).containsExactly("question.invalid.score");
        assertThat(problems("单选\t题干\t甲\t乙\t\t\t\t\tA\t\t1\t4\t党史\t")).containsExactly("question.invalid.difficulty");
        assertThat(problems("单选\t题干\t甲\t乙\t\t\t\t\tA\t\t1\t1\t党史//近代\t")).containsExactly("question.invalid.category");
        assertThat(problems("单选\t" + "长".repeat(1001) + "\t甲\t乙\t\t\t\t\tA\t\t1\t1\t党史\t"))
                .containsExactly("question.invalid.stem");
    }

    @Test
    void a_question_written_as_a_row_reads_back_the_same() {
        for (String tabs : List.of("多选\t三会是指\t甲\t乙\t丙\t\t\t\tAC\t解析\t2\t3\t党章/组织\t甲|乙",
                "判断\t题干\t\t\t\t\t\t\t错\t\t1.5\t1\t党史\t", "填空\t____年\t\t\t\t\t\t\t1921|1921年\t\t1\t2\t党史\t建党")) {
            QuestionDraft draft = QuestionRows.parse(row(tabs)).draft();
            assertThat(QuestionRows.parse(QuestionRows.cells(draft)).draft()).isEqualTo(draft);
        }
    }
}
