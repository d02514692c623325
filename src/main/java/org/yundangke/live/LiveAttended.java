package org.yundangke.live;

import java.time.Instant;
import java.util.UUID;

/**
 * A member attended a live lecture or online report meeting for {@code minutes}, at home or in a sub-venue (分会场)
 * where a secretary took attendance. Published once per member and live session.
 */
public record LiveAttended(String username, UUID liveId, String title, int minutes, Instant attendedAt) {
}
