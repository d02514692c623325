package org.yundangke.quiz;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A member handed in the day's 每日一练. Published once per member and day; credit gives the day's points.
 *
 * @param title what the member's record calls it
 */
public record DailyPracticeDone(String username, LocalDate day, String title, Instant doneAt) {
}
