package org.yundangke.live;

import java.util.UUID;

/**
 * A live session's recording was published as a lesson. Credit keeps the pair, so that a talk earns once: live or as
 * its replay, not both.
 */
public record LiveReplayPublished(UUID liveId, UUID lessonId) {
}
