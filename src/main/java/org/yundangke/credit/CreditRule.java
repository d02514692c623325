package org.yundangke.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One version of an award rule: what it gives ({@code amount} of {@code kind}), from which day, and its caps.
 * {@code minutes} is the shortest lesson a lesson-hours rule applies to, or the minutes per point of watching.
 */
public record CreditRule(String code, int version, LocalDate effectiveFrom, CreditKind kind, BigDecimal amount,
                         @Nullable Integer minutes, @Nullable BigDecimal dailyCap, @Nullable BigDecimal yearlyCap,
                         String changedBy, Instant changedAt, String note) {

    public static final String LESSON_HOURS_LONG = "LESSON_HOURS_LONG";
    public static final String LESSON_HOURS_MEDIUM = "LESSON_HOURS_MEDIUM";
    public static final String LESSON_HOURS_SHORT = "LESSON_HOURS_SHORT";
    public static final String QUIZ_HOURS = "QUIZ_HOURS";
    public static final String LESSON_POINTS = "LESSON_POINTS";
    public static final String WATCH_POINTS = "WATCH_POINTS";
    public static final String QUIZ_POINTS = "QUIZ_POINTS";
    public static final String LIVE_POINTS = "LIVE_POINTS";
    public static final String DAILY_PRACTICE_POINTS = "DAILY_PRACTICE_POINTS";
    public static final String EVIDENCE_HOURS = "EVIDENCE_HOURS";
    public static final String EVIDENCE_POINTS = "EVIDENCE_POINTS";
    /** Not an award: the 学时 a member is expected to reach in a year. */
    public static final String YEARLY_TARGET = "YEARLY_TARGET";
}
