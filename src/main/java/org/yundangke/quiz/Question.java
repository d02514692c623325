package org.yundangke.quiz;

import java.util.UUID;

/** A question of the bank at one version, as its authors see it (with its key). Members never get this. */
public record Question(UUID id, int version, QuestionDraft content) {
}
