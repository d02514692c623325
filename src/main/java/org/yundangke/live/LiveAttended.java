package org.yundangke.live;

import java.time.Instant;
import java.util.UUID;

/**
 * A member attended a live talk or online report meeting for {@code minutes}: in the app, by the meeting link, in a
 * group a secretary recorded (members without a login too, hence the member id), or by the meeting platform's export.
 * Published once per member and live session.
 */
public record LiveAttended(long memberId, UUID liveId, String title, int minutes, Instant attendedAt) {
}
