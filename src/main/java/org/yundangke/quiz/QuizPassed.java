package org.yundangke.quiz;

import java.time.Instant;
import java.util.UUID;

/** A member passed a quiz. Published once per member, quiz and day by the quiz module. */
public record QuizPassed(String username, UUID quizId, String title, Instant passedAt) {
}
