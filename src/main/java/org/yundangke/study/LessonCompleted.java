package org.yundangke.study;

import java.time.Instant;
import java.util.UUID;

/**
 * A member completed a lesson: published once per member, lesson and calendar year. The credit module turns it into
 * 学时 and points.
 */
public record LessonCompleted(String username, UUID lessonId, String title, double durationSeconds,
                              Instant completedAt) {
}
