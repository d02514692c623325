package org.yundangke.study;

import java.util.List;
import java.util.UUID;

/**
 * What a lesson page offers once the lesson is completed, from modules that build on study (a lesson's test from the
 * quiz module). Study knows only this interface, so the arrow stays quiz → study.
 */
public interface AfterLesson {

    /** The follow-ups of a lesson the caller may see, in the order to show them. */
    List<FollowUp> after(UUID lessonId);

    /** A title to show and the app path it opens ("quizzes/…"). */
    record FollowUp(String title, String path) {
    }
}
