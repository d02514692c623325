/**
 * Credit: the 学时 and 积分 ledger committees use to manage retired members (积分管理 + 记实管理). Every award is one
 * append-only entry made at most once (its idempotency key), by a rule that is data with a history; caps are recorded
 * as zero awards with the reason; corrections are reversing entries. Lessons completed, quizzes passed and live
 * meetings attended arrive as events; 记实 evidence records of offline activity earn credit once a secretary approves
 * them. A member's credit shows to their primary and managing branches ("1+2") and counts once in every rollup.
 */
@ApplicationModule(allowedDependencies = {"base", "base :: ui", "base :: storage", "org", "study", "quiz", "live"})
@NullMarked
package org.yundangke.credit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
