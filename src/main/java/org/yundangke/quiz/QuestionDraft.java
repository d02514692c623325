package org.yundangke.quiz;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A question as an author writes it, in an editor or a row of an import. The key is option letters ("A", "C") for
 * choice questions, {@code TRUE} or {@code FALSE}, or the accepted answers of a blank.
 *
 * @param categoryPath the category and its parents, "/" between them ("党史/新民主主义革命时期")
 * @param tags         knowledge points
 */
public record QuestionDraft(QuestionType type, String stem, List<String> options, List<String> key,
                            String explanation, BigDecimal score, int difficulty, String categoryPath,
                            List<String> tags, @Nullable UUID lessonId) {

    public static final int MAX_OPTIONS = 6;
    public static final int MAX_STEM = 1000;
    public static final int MAX_OPTION = 500;
    public static final int MAX_EXPLANATION = 2000;
    public static final String TRUE = "TRUE";
    public static final String FALSE = "FALSE";

    public QuestionDraft {
        stem = stem.strip();
        options = options.stream().map(String::strip).toList();
        key = key.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
        explanation = explanation.strip();
        categoryPath = categoryPath.strip();
        tags = tags.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** What is wrong with it, as message keys with arguments; empty when it can be saved. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (stem.isEmpty() || stem.length() > MAX_STEM) {
            problems.add(new Problem("question.invalid.stem", MAX_STEM));
        }
        if (type.hasOptions()) {
            optionProblems(problems);
        } else if (!options.isEmpty()) {
            problems.add(new Problem("question.invalid.options-not-used"));
        }
        if (type == QuestionType.TRUE_FALSE && (key.size() != 1 || !List.of(TRUE, FALSE).contains(key.getFirst()))) {
            problems.add(new Problem("question.invalid.key.true-false"));
        }
        if (type == QuestionType.FILL_IN && (key.isEmpty() || key.stream().anyMatch(k -> k.length() > 100))) {
            problems.add(new Problem("question.invalid.key.fill-in"));
        }
        if (explanation.length() > MAX_EXPLANATION) {
            problems.add(new Problem("question.invalid.explanation", MAX_EXPLANATION));
        }
        if (score.signum() <= 0 || score.compareTo(BigDecimal.valueOf(100)) > 0 || score.scale() > 1) {
            problems.add(new Problem("question.invalid.score"));
        }
        if (difficulty < 1 || difficulty > 3) {
            problems.add(new Problem("question.invalid.difficulty"));
        }
        if (categoryPath.isEmpty() || categoryPath.length() > 400
                || List.of(categoryPath.split("/", -1)).stream().anyMatch(p -> p.isBlank() || p.length() > 60)) {
            problems.add(new Problem("question.invalid.category"));
        }
        if (String.join("|", tags).length() > 400) {
            problems.add(new Problem("question.invalid.tags"));
        }
        return problems;
    }

    private void optionProblems(List<Problem> problems) {
        if (options.size() < 2 || options.size() > MAX_OPTIONS || options.stream().anyMatch(String::isEmpty)
                || options.stream().anyMatch(o -> o.length() > MAX_OPTION)) {
            problems.add(new Problem("question.invalid.options", MAX_OPTIONS, MAX_OPTION));
            return;
        }
        if (new HashSet<>(options).size() != options.size()) {
            problems.add(new Problem("question.invalid.options.same"));
        }
        List<String> letters = letters(options.size());
        boolean lettersKnown = !key.isEmpty() && letters.containsAll(key) && new HashSet<>(key).size() == key.size();
        if (!lettersKnown) {
            problems.add(new Problem("question.invalid.key.letters", letters.getLast()));
        } else if (type == QuestionType.SINGLE && key.size() != 1) {
            problems.add(new Problem("question.invalid.key.single"));
        } else if (type == QuestionType.MULTIPLE && key.size() < 2) {
            problems.add(new Problem("question.invalid.key.multiple"));
        }
    }

    public QuestionDraft withStem(String newStem) {
        return new QuestionDraft(type, newStem, options, key, explanation, score, difficulty, categoryPath, tags,
                lessonId);
    }

    public QuestionDraft withKey(List<String> newKey) {
        return new QuestionDraft(type, stem, options, newKey, explanation, score, difficulty, categoryPath, tags,
                lessonId);
    }

    /** The letters of the first {@code count} options: A, B, C … */
    public static List<String> letters(int count) {
        return "ABCDEF".substring(0, Math.min(count, MAX_OPTIONS)).chars().mapToObj(c -> String.valueOf((char) c))
                .toList();
    }

    /** One thing wrong with a draft: a message key and its arguments. */
    public record Problem(String messageKey, Object... args) {
    }
}
