package org.yundangke.quiz;

import java.time.Instant;
import java.util.UUID;

/**
 * A member passed a test. Published by the quiz module once per member, quiz and year, when a submitted test reaches
 * its passing mark.
 */
public record QuizPassed(String username, UUID quizId, String title, Instant passedAt) {
}
