package org.yundangke.base;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The one clock of the app and the calendar its members live by (Beijing time): what "now", "today" and "this year"
 * mean for study credit, due dates and rules. Services and views ask it instead of {@code LocalDate.now()}, so tests
 * can move time with {@link #StudyCalendar(Clock)}.
 */
@Component
public class StudyCalendar {

    /** The zone's name, for annotations that take a constant (a recurring job's schedule). */
    public static final String ZONE_NAME = "Asia/Shanghai";
    public static final ZoneId ZONE = ZoneId.of(ZONE_NAME);

    private final Clock clock;

    @Autowired
    StudyCalendar() {
        this(Clock.systemUTC());
    }

    public StudyCalendar(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    public int thisYear() {
        return today().getYear();
    }

    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    public int yearOf(Instant instant) {
        return dayOf(instant).getYear();
    }
}
