/**
 * Quizzes (测试): so far only the event a passed quiz publishes, which the credit module turns into 学时 and points.
 * The quiz bank and the quiz pages come with their own issue.
 */
@NullMarked
package org.yundangke.quiz;

import org.jspecify.annotations.NullMarked;
