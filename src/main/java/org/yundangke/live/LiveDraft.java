package org.yundangke.live;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an author fills in to schedule a session; no committees means every member. {@code checkWord}: for a
 * meeting link, a word the speaker says during the talk that "我已参加" then asks for (none: not asked).
 */
public record LiveDraft(String title, String speaker, String summary, Instant startsAt, Instant endsAt,
                        LiveMode mode, @Nullable String joinUrl, int attendPercent, Set<Long> audience,
                        @Nullable String checkWord) {

    public LiveDraft(String title, String speaker, String summary, Instant startsAt, Instant endsAt, LiveMode mode,
                     @Nullable String joinUrl, int attendPercent, Set<Long> audience) {
        this(title, speaker, summary, startsAt, endsAt, mode, joinUrl, attendPercent, audience, null);
    }
}
