package org.yundangke.catalogue;

import java.util.Set;
import java.util.UUID;

/** What an editor fills in to make a lesson of a talk; no audience committees means everyone. */
public record LessonDraft(UUID mediaId, String title, String speaker, String summary, String category,
                          Set<Long> audienceCommittees) {
}
