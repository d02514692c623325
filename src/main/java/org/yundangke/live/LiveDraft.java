package org.yundangke.live;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What an author fills in to schedule a session; no committees means every member. */
public record LiveDraft(String title, String speaker, String summary, Instant startsAt, Instant endsAt,
                        LiveMode mode, @Nullable String joinUrl, int attendPercent, Set<Long> audience) {
}
