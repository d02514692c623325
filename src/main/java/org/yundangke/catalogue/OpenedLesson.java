package org.yundangke.catalogue;

/**
 * A lesson as {@link Catalogue#openForStudy} handed it to the caller: other modules read it but cannot make one, so a
 * service that takes it (the start of study time) knows the catalogue checked the caller may see this lesson and that
 * its length is the stored one.
 */
public final class OpenedLesson {

    private final LessonInfo lesson;

    OpenedLesson(LessonInfo lesson) {
        this.lesson = lesson;
    }

    public LessonInfo lesson() {
        return lesson;
    }
}
