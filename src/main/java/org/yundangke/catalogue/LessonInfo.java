package org.yundangke.catalogue;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record LessonInfo(UUID id, String title, String speaker, String summary, String category, LessonKind kind,
                         @Nullable UUID mediaId, @Nullable Double durationSeconds, LessonState state,
                         boolean everyone, Set<Long> audienceCommittees, String ownerUsername,
                         @Nullable Instant publishedAt) {
}
