package org.yundangke.quiz;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A quiz as its author sets it up: fixed questions, or rules that draw them for each attempt.
 *
 * @param kind             {@link QuizKind#PRACTICE} or {@link QuizKind#TEST}
 * @param lessonId         the lesson it tests, or none for a topical test
 * @param maxAttempts      null for as many as the member likes
 * @param timeLimitMinutes null (the default) for untimed
 * @param partialCredit    a multiple choice with some right options and no wrong one earns its share
 */
public record QuizDraft(String title, QuizKind kind, String summary, @Nullable UUID lessonId, List<UUID> questionIds,
                        List<DrawRule> drawRules, int passPercent, @Nullable Integer maxAttempts,
                        @Nullable Integer timeLimitMinutes, boolean partialCredit) {

    /** Draw {@code count} questions of a category and its subcategories, of one difficulty or any (null). */
    public record DrawRule(String categoryPath, @Nullable Integer difficulty, int count) {
    }
}
