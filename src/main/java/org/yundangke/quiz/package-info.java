/**
 * Quizzes (测试): so far only the event a passed quiz publishes, which the credit module turns into 学时 and points.
 * The quiz bank and the quiz pages come with their own issue.
 */
@ApplicationModule(allowedDependencies = {"base"})
@NullMarked
package org.yundangke.quiz;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
