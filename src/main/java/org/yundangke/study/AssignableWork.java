package org.yundangke.study;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Work other than lessons that a branch can be asked to do (a quiz, from the quiz module). Study keeps the assignment
 * and asks this interface what the work is and who has done it, so the arrow stays quiz → study.
 */
public interface AssignableWork {

    /** What the caller may assign, newest first. */
    List<Work> choices();

    /** The work as the caller may see it; empty when it is not (or no longer) open to them. */
    Optional<Work> find(UUID workId);

    /** How far each of these members (by login) got with the work this year; members not begun are left out. */
    Map<String, Progress> progress(UUID workId, Collection<String> usernames);

    /**
     * One piece of work: {@code kind} is the message key of its kind ("quiz.kind.test"), {@code path} the app path
     * that opens it ("quizzes/…").
     */
    record Work(UUID id, String kind, String title, String path) {
    }

    enum Progress { STARTED, FINISHED }
}
