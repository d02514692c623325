package org.yundangke.catalogue;

import java.util.UUID;

/** A course (专题): an ordered series of lessons. */
public record CourseInfo(UUID id, String title, String summary, String ownerUsername) {
}
