package org.yundangke.media;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A talk as views and other modules see it. */
public record MediaInfo(UUID id, String ownerUsername, String title, String originalFilename, long sizeBytes,
                        MediaState state, @Nullable MediaKind kind, @Nullable Double durationSeconds,
                        @Nullable Integer width, @Nullable Integer height, int progressPercent,
                        @Nullable String renditions, @Nullable String failureReason, Instant createdAt,
                        boolean hasCaptions) {
}
