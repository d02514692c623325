package org.yundangke.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A scheduled live talk or online report meeting as members and authors see it. The stream key is not here: only
 * the author reads it ({@link LiveSessions#ingest}).
 *
 * @param attendPercent the share of the session a member must be present for to count as attended
 * @param audience      the committees whose subtrees it is for; empty when {@code everyone}
 * @param mediaId       in the app: the stream, and after the end the replay's talk
 * @param asksWord      "我已参加" asks for the word the speaker says (the word itself stays on the server)
 */
public record LiveSession(UUID id, String title, String speaker, String summary, Instant startsAt, Instant endsAt,
                          LiveMode mode, @Nullable String joinUrl, int attendPercent, boolean everyone,
                          Set<Long> audience, @Nullable UUID mediaId, @Nullable UUID replayLessonId,
                          boolean cancelled, String createdBy, boolean asksWord) {

    public LiveState state(Instant now) {
        if (cancelled) {
            return LiveState.CANCELLED;
        }
        return now.isBefore(startsAt) ? LiveState.UPCOMING : now.isBefore(endsAt) ? LiveState.LIVE : LiveState.ENDED;
    }

    public Duration length() {
        return Duration.between(startsAt, endsAt);
    }

    /** Seconds of presence that make a member attended: the session's share, rounded up. */
    public long requiredSeconds() {
        return (length().toSeconds() * attendPercent + 99) / 100;
    }
}
