package org.yundangke.quiz;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An attempt as the member's screen shows it: the questions in the order and with the options as this attempt asks
 * them, the answers given so far, and nothing of the keys until the kind of quiz allows it (at once for practice,
 * after submission for a test). Letters are the ones shown ("A" is the first option on the screen).
 *
 * @param deadline null when untimed
 * @param result   null until submitted
 */
public record AnswerSheet(UUID attemptId, @Nullable UUID quizId, String title, QuizKind kind,
                          List<Asked> questions, @Nullable Instant deadline, int extensionsLeft,
                          @Nullable Result result) {

    public boolean submitted() {
        return result != null;
    }

    public long unanswered() {
        return questions.stream().filter(q -> q.answer().isEmpty()).count();
    }

    /** One question as asked; {@code feedback} is null while the key must stay on the server. */
    public record Asked(int position, QuestionType type, String stem, List<String> options, List<String> answer,
                        BigDecimal score, @Nullable Feedback feedback) {
    }

    /** The right answer (in shown letters, TRUE/FALSE or the accepted words), the 解析, and what was earned. */
    public record Feedback(boolean right, List<String> rightAnswer, String explanation, BigDecimal earned) {
    }

    /** {@code passed} is null for practice, which has no pass mark. */
    public record Result(BigDecimal score, BigDecimal maxScore, @Nullable Boolean passed, int passPercent) {
    }
}
