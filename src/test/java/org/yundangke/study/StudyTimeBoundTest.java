package org.yundangke.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yundangke.Logins;
import org.yundangke.MovingClock;
import org.yundangke.TransactionalProxy;
import org.yundangke.base.UserError;
import org.yundangke.base.StudyCalendar;
import org.yundangke.catalogue.Catalogue;

/**
 * Study time by the server's clock: whatever a browser sends, a lesson of length L completes no sooner than
 * 0.9 × L ÷ 2 of real time, while real playback at 1×, 1.5× and 2× with pauses and seeks still completes. The clock is
 * the test's; the lesson is the 66-minute one of the reported attack.
 */
@SpringBootTest
@ActiveProfiles("test")
class StudyTimeBoundTest {

    static final double LENGTH = 66 * 60;
    static final Duration FASTEST_COMPLETION = fastest(LENGTH);
    /** A shorter lesson where every attempt costs more requests (the bound scales with the length). */
    static final double SHORT = 10 * 60;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Catalogue catalogue;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    Logins logins;

    @Autowired
    PlatformTransactionManager transactions;

    final MovingClock clock = new MovingClock(Instant.parse("2026-06-01T02:00:00Z"));
    StudyProgress progress;
    UUID lesson;
    Instant opened;

    @BeforeEach
    void aPublishedLessonOf66Minutes() {
        progress = TransactionalProxy.of(new StudyProgress(jdbc, catalogue, publisher,
                new TransactionTemplate(transactions), new StudyProperties(0.9, false),
                new StudyCalendar(clock), new SimpleMeterRegistry()), transactions);
        lesson = StudyProgressTest.publishedLesson(jdbc, LENGTH, true);
        logins.as("member");
        progress.begin(lesson);
        opened = clock.instant();
    }

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void back_to_back_four_second_reports_complete_no_sooner_than_the_bound() {
        // the reported attack: [[0,4]], [[4,8]], … sent back to back (here 400 ms apart, 10 times real speed)
        double[] next = {0};
        Duration took = untilCompleted(Duration.ofMillis(400), () -> {
            double from = next[0] % LENGTH;
            next[0] += 4;
            return progress.report(lesson, List.of(span(from, from + 4)), from + 4);
        });
        assertThat(took).isGreaterThanOrEqualTo(FASTEST_COMPLETION);
    }

    @Test
    void the_whole_lesson_claimed_at_once_earns_only_what_the_clock_allows() {
        clock.advance(Duration.ofSeconds(1));
        StudyProgress.Standing standing = progress.report(lesson, List.of(span(0, LENGTH)), LENGTH);
        assertThat(standing.uniqueSeconds()).as("2 × 1 s + 2 s slack").isEqualTo(4);
        assertThat(standing.completed()).isFalse();
    }

    @Test
    void two_devices_reporting_at_once_share_one_clock() {
        // two browsers of the same member, each claiming its half of the lesson, one report every 500 ms
        openShortLesson();
        int[] turn = {0};
        Duration took = untilCompleted(Duration.ofMillis(500), () -> {
            double half = turn[0]++ % 2 == 0 ? 0 : SHORT / 2;
            double from = half + (turn[0] / 2 * 4.0) % (SHORT / 2);
            return progress.report(lesson, List.of(span(from, from + 4)), from + 4);
        });
        assertThat(took).isGreaterThanOrEqualTo(fastest(SHORT));
    }

    @Test
    void reloading_the_page_before_every_report_gains_nothing() {
        openShortLesson();
        double[] next = {0};
        Duration took = untilCompleted(Duration.ofMillis(500), () -> {
            progress.begin(lesson);
            double from = next[0] % SHORT;
            next[0] += 8;
            return progress.report(lesson, List.of(span(from, from + 8)), from + 8);
        });
        assertThat(took).isGreaterThanOrEqualTo(fastest(SHORT));
    }

    @Test
    void many_tiny_spans_complete_no_sooner_and_too_many_in_one_report_are_refused() {
        double[] next = {0};
        Duration took = untilCompleted(Duration.ofSeconds(20), () -> {
            List<double[]> tiny = new ArrayList<>();
            for (int i = 0; i < StudyProgress.MAX_SPANS_PER_REPORT; i++, next[0] += 0.5) {
                double from = next[0] % LENGTH;
                tiny.add(span(from, from + 0.5));
            }
            return progress.report(lesson, tiny, 0);
        });
        assertThat(took).isGreaterThanOrEqualTo(FASTEST_COMPLETION);

        List<double[]> fragments = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            fragments.add(span(i, i + 0.1));
        }
        assertThatThrownBy(() -> progress.report(lesson, fragments, 0)).isInstanceOf(UserError.class);
    }

    @Test
    void scattered_seconds_stop_being_stored_before_they_could_fill_the_column() {
        for (int report = 0; report < 10; report++) {
            clock.advance(Duration.ofMinutes(2));
            List<double[]> scattered = new ArrayList<>();
            for (int i = 0; i < StudyProgress.MAX_SPANS_PER_REPORT; i++) {
                double at = (report * StudyProgress.MAX_SPANS_PER_REPORT + i) * 1.5;
                scattered.add(span(at, at + 0.5));
            }
            progress.report(lesson, scattered, 0);
        }
        String stored = jdbc.queryForObject("select played_spans from watch_progress where lesson_id = ?",
                String.class, lesson);
        assertThat(stored.split(",")).hasSizeLessThanOrEqualTo(StudyProgress.MAX_STORED_SPANS);
    }

    @Test
    void normal_playback_at_one_one_and_a_half_and_two_times_with_pauses_and_seeks_completes() {
        for (double speed : new double[]{1, 1.5, 2}) {
            UUID talk = StudyProgressTest.publishedLesson(jdbc, 600, true);
            progress.begin(talk);
            Instant start = clock.instant();
            clock.advance(Duration.ofSeconds(3)); // the page loads, the member finds ▶ 播放
            play(talk, 0, 200, speed);
            clock.advance(Duration.ofMinutes(10)); // paused for tea: no reports
            play(talk, 300, 600, speed); // skipped ahead
            StudyProgress.Standing standing = play(talk, 200, 300, speed); // went back for the part skipped
            assertThat(standing.completed()).as("at %s×", speed).isTrue();
            assertThat(Duration.between(start, clock.instant()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds((long) (0.9 * 600 / StudyProgress.MAX_SPEED)));
        }
    }

    @Test
    void listening_with_the_screen_off_reports_rarely_and_what_the_clock_held_back_is_credited_later() {
        // a phone in the pocket: the page reports every 10 minutes, resending every span played during the visit
        UUID talk = StudyProgressTest.publishedLesson(jdbc, 1800, true);
        progress.begin(talk);
        List<double[]> visit = new ArrayList<>();
        StudyProgress.Standing standing = null;
        for (double at = 0; at < 1800; at += 600) {
            clock.advance(Duration.ofMinutes(10));
            visit.add(span(at, at + 600));
            standing = progress.report(talk, visit, at + 600);
        }
        assertThat(standing.uniqueSeconds()).as("each silence counts 5 min, 2× that is what was played").isEqualTo(1800);
        assertThat(standing.completed()).isTrue();
    }

    @Test
    void seconds_the_clock_held_back_are_credited_by_the_next_reports_of_the_same_visit() {
        clock.advance(Duration.ofSeconds(10));
        List<double[]> visit = new ArrayList<>(List.of(span(0, 60))); // more than 2× real time: held back
        assertThat(progress.report(lesson, visit, 60).uniqueSeconds()).isEqualTo(22);
        clock.advance(Duration.ofSeconds(20));
        assertThat(progress.report(lesson, visit, 60).uniqueSeconds()).as("resent, now allowed").isEqualTo(60);
    }

    @Test
    void a_lesson_taken_down_after_it_was_opened_takes_no_more_reports() {
        clock.advance(Duration.ofSeconds(30));
        progress.report(lesson, List.of(span(0, 30)), 30);
        jdbc.update("update lesson set state = 'ARCHIVED' where id = ?", lesson);
        clock.advance(Duration.ofSeconds(30));
        assertThatThrownBy(() -> progress.report(lesson, List.of(span(30, 60)), 60))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_member_no_longer_in_the_audience_is_refused_within_a_minute() {
        clock.advance(Duration.ofSeconds(30));
        progress.report(lesson, List.of(span(0, 30)), 30);
        jdbc.update("update lesson set everyone = false where id = ?", lesson);
        jdbc.update("insert into lesson_audience (lesson_id, committee_id) values (?, -42)", lesson);
        clock.advance(StudyProgress.AUDIENCE_RECHECK);
        assertThatThrownBy(() -> progress.report(lesson, List.of(span(30, 60)), 60))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void numbers_that_are_not_finite_are_refused_and_positions_stay_within_the_lesson() {
        clock.advance(Duration.ofSeconds(30));
        assertThatThrownBy(() -> progress.report(lesson, List.of(span(0, 30)), Double.NaN))
                .isInstanceOf(UserError.class);
        assertThatThrownBy(() -> progress.report(lesson, List.of(span(0, Double.POSITIVE_INFINITY)), 30))
                .isInstanceOf(UserError.class);
        assertThat(progress.report(lesson, List.of(span(0, 30)), 1e15).positionSeconds()).isEqualTo(LENGTH);
        assertThat(progress.report(lesson, List.of(), -5).positionSeconds()).isZero();
    }

    private void openShortLesson() {
        lesson = StudyProgressTest.publishedLesson(jdbc, SHORT, true);
        progress.begin(lesson);
        opened = clock.instant();
    }

    private static Duration fastest(double length) {
        return Duration.ofMillis((long) (0.9 * length / StudyProgress.MAX_SPEED * 1000));
    }

    /** Sends reports {@code apart} from each other until the lesson completes; how long that took on the clock. */
    private Duration untilCompleted(Duration apart, Supplier<StudyProgress.Standing> report) {
        while (Duration.between(opened, clock.instant()).compareTo(Duration.ofHours(2)) < 0) {
            clock.advance(apart);
            if (report.get().completed()) {
                return Duration.between(opened, clock.instant());
            }
        }
        throw new AssertionError("never completed");
    }

    /** The player playing from one point to another at a speed, reporting every 12 s of real time. */
    private StudyProgress.Standing play(UUID talk, double from, double to, double speed) {
        StudyProgress.Standing standing = null;
        for (double at = from; at < to; at += 12 * speed) {
            double end = Math.min(to, at + 12 * speed);
            clock.advance(Duration.ofMillis(Math.round((end - at) / speed * 1000)));
            standing = progress.report(talk, List.of(span(at, end)), end);
        }
        return standing;
    }

    private static double[] span(double start, double end) {
        return new double[]{start, end};
    }
}
