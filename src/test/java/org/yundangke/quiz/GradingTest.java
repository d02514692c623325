package org.yundangke.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradingTest {

    static QuestionDraft question(QuestionType type, List<String> options, List<String> key, String score) {
        return new QuestionDraft(type, "题干", options, key, "", new BigDecimal(score), 1, "党史", List.of(), null);
    }

    static final QuestionDraft SINGLE = question(QuestionType.SINGLE, List.of("北京", "上海", "广州"), List.of("B"), "1");
    static final QuestionDraft MULTIPLE = question(QuestionType.MULTIPLE, List.of("甲", "乙", "丙", "丁"),
            List.of("A", "C", "D"), "3");
    static final QuestionDraft TRUE_FALSE = question(QuestionType.TRUE_FALSE, List.of(), List.of("FALSE"), "1");
    static final QuestionDraft FILL_IN = question(QuestionType.FILL_IN, List.of(), List.of("遵义会议", "遵义"), "2");

    @Test
    void single_choice_and_true_false_score_in_full_or_not_at_all() {
        assertThat(Grading.score(SINGLE, List.of("B"), true)).isEqualByComparingTo("1");
        assertThat(Grading.score(SINGLE, List.of("A"), true)).isEqualByComparingTo("0");
        assertThat(Grading.score(SINGLE, List.of(), true)).isEqualByComparingTo("0");
        assertThat(Grading.score(TRUE_FALSE, List.of("FALSE"), false)).isEqualByComparingTo("1");
        assertThat(Grading.score(TRUE_FALSE, List.of("TRUE"), false)).isEqualByComparingTo("0");
    }

    @Test
    void multiple_choice_earns_its_share_for_right_options_and_nothing_with_a_wrong_one() {
        assertThat(Grading.score(MULTIPLE, List.of("D", "A", "C"), false)).as("order does not matter")
                .isEqualByComparingTo("3");
        assertThat(Grading.score(MULTIPLE, List.of("A", "C"), true)).as("two of three right").isEqualByComparingTo("2");
        assertThat(Grading.score(MULTIPLE, List.of("A"), true)).isEqualByComparingTo("1");
        assertThat(Grading.score(MULTIPLE, List.of("A", "B"), true)).as("a wrong option").isEqualByComparingTo("0");
        assertThat(Grading.score(MULTIPLE, List.of("A", "B", "C", "D"), true)).as("all of them")
                .isEqualByComparingTo("0");
        assertThat(Grading.score(MULTIPLE, List.of("A", "C"), false)).as("no partial credit")
                .isEqualByComparingTo("0");
    }

    @Test
    void partial_credit_rounds_down_to_a_tenth() {
        QuestionDraft twoOfThree = question(QuestionType.MULTIPLE, List.of("甲", "乙", "丙"), List.of("A", "B", "C"),
                "1");
        assertThat(Grading.score(twoOfThree, List.of("A"), true)).isEqualByComparingTo("0.3");
    }

    @Test
    void a_blank_accepts_any_accepted_answer_whatever_its_width_case_spaces_or_closing_punctuation() {
        assertThat(Grading.score(FILL_IN, List.of("遵义会议"), false)).isEqualByComparingTo("2");
        assertThat(Grading.score(FILL_IN, List.of(" 遵义 。"), false)).isEqualByComparingTo("2");
        assertThat(Grading.score(FILL_IN, List.of("古田会议"), false)).isEqualByComparingTo("0");
        QuestionDraft year = question(QuestionType.FILL_IN, List.of(), List.of("1921年", "1921"), "1");
        assertThat(Grading.score(year, List.of("１９２１年。"), false)).as("full-width digits").isEqualByComparingTo("1");
        QuestionDraft word = question(QuestionType.FILL_IN, List.of(), List.of("CPC"), "1");
        assertThat(Grading.score(word, List.of("cpc"), false)).isEqualByComparingTo("1");
        assertThat(Grading.score(year, List.of("1920"), false)).isEqualByComparingTo("0");
    }
}
