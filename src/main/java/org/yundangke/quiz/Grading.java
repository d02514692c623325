package org.yundangke.quiz;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How an answer scores, on the server only. A choice or 对/错 scores in full when it is exactly the key. A multiple
 * choice with partial credit earns its share for each right option chosen, and nothing once a wrong one is chosen
 * (the usual 少选得分、错选不得分). A blank is right when it matches any accepted answer after width, case, spaces and
 * closing punctuation are set aside ("１９２１年。" is "1921年").
 */
final class Grading {

    private Grading() {
    }

    static BigDecimal score(QuestionDraft question, List<String> answer, boolean partialCredit) {
        BigDecimal full = question.score();
        if (answer.isEmpty()) {
            return BigDecimal.ZERO;
        }
        return switch (question.type()) {
            case SINGLE, TRUE_FALSE -> Set.copyOf(answer).equals(Set.copyOf(question.key())) ? full : BigDecimal.ZERO;
            case MULTIPLE -> multiple(question, answer, full, partialCredit);
            case FILL_IN -> question.key().stream().map(Grading::normalised)
                    .anyMatch(normalised(answer.getFirst())::equals) ? full : BigDecimal.ZERO;
        };
    }

    private static BigDecimal multiple(QuestionDraft question, List<String> answer, BigDecimal full,
                                       boolean partialCredit) {
        Set<String> key = Set.copyOf(question.key());
        Set<String> chosen = new HashSet<>(answer);
        if (chosen.equals(key)) {
            return full;
        }
        if (!partialCredit || !key.containsAll(chosen)) {
            return BigDecimal.ZERO;
        }
        return full.multiply(BigDecimal.valueOf(chosen.size()))
                .divide(BigDecimal.valueOf(key.size()), 1, RoundingMode.DOWN);
    }

    /** Full-width to half-width, lower case, no spaces, no punctuation at either end. */
    static String normalised(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase().replaceAll("\\s+", "");
        return folded.replaceAll("^[\\p{P}]+|[\\p{P}]+$", "");
    }
}
