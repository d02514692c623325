package org.yundangke.quiz;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.yundangke.study.AfterLesson;

/** A completed lesson's page offers the lesson's published tests. */
@Component
class LessonTests implements AfterLesson {

    private final Quizzes quizzes;

    LessonTests(Quizzes quizzes) {
        this.quizzes = quizzes;
    }

    @Override
    public List<FollowUp> after(UUID lessonId) {
        return quizzes.ofLesson(lessonId).stream().map(q -> new FollowUp(q.title(), "quizzes/" + q.id())).toList();
    }
}
