package org.yundangke.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Time has one source, {@link StudyCalendar}: no service, entity or view reads the system clock or names a time zone
 * itself, so tests can move time and "today" is Beijing's everywhere.
 */
class OneClockTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern OWN_CLOCK = Pattern.compile(
            "\\b(Instant|LocalDate|LocalDateTime|ZonedDateTime|OffsetDateTime|LocalTime|Year)\\.now\\("
                    + "|\\bClock\\.system|\"Asia/Shanghai\"");

    @Test
    void only_the_study_calendar_reads_the_clock() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.endsWith("StudyCalendar.java")).toList()) {
                Matcher m = OWN_CLOCK.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(SOURCES.relativize(file) + ": " + m.group());
                }
            }
        }
        assertThat(found).as("ask StudyCalendar for now, today and this year").isEmpty();
    }

    @Test
    void the_scan_spots_the_usual_ways_of_reading_the_clock() {
        assertThat(OWN_CLOCK.matcher("Instant since = Instant.now().minus(days);").find()).isTrue();
        assertThat(OWN_CLOCK.matcher("LocalDate.now(ZoneId.of(\"Asia/Shanghai\"))").find()).isTrue();
        assertThat(OWN_CLOCK.matcher("this(jdbc, Clock.systemUTC())").find()).isTrue();
        assertThat(OWN_CLOCK.matcher("calendar.now().minus(days)").find()).isFalse();
    }
}
