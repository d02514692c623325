package org.yundangke.catalogue;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A lesson as views and other modules see it. {@code durationSeconds} is the talk's length, or for an article the
 * time it takes to read; {@code body} is an article's Markdown.
 */
public record LessonInfo(UUID id, String title, String speaker, String summary, String category, LessonKind kind,
                         @Nullable UUID mediaId, @Nullable Double durationSeconds, LessonState state,
                         boolean everyone, Set<Long> audienceCommittees, Set<Long> audienceBranches,
                         String ownerUsername,
                         @Nullable Instant publishedAt, String tags, @Nullable UUID courseId,
                         @Nullable Integer coursePosition, @Nullable String body) {
}
