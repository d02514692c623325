/**
 * Quizzes (测试): the question bank lecturers and admins share, quizzes made of fixed questions or draw rules,
 * attempts answered one question per screen and graded on the server, 每日一练 and the 错题本. A passed test publishes
 * {@link org.yundangke.quiz.QuizPassed}, which the credit module turns into 学时 and points. A lesson's test follows
 * the lesson's audience (catalogue); 每日一练 draws from the lessons a member completed (study's
 * {@code LessonCompleted}).
 */
@ApplicationModule(allowedDependencies = {"base", "base :: ui", "catalogue", "org", "study"})
@NullMarked
package org.yundangke.quiz;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
