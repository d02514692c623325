package org.yundangke.quiz;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A quiz as lists show it. {@code questionCount} is what one attempt asks. */
public record QuizInfo(UUID id, String title, QuizKind kind, String summary, @Nullable UUID lessonId,
                       int questionCount, int passPercent, @Nullable Integer maxAttempts,
                       @Nullable Integer timeLimitMinutes, boolean partialCredit, boolean published) {
}
