package org.yundangke.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yundangke.TestTalks;
import org.yundangke.Logins;
import org.yundangke.MovingClock;
import org.yundangke.TransactionalProxy;
import org.yundangke.base.StudyCalendar;
import org.yundangke.catalogue.Catalogue;

/** Verified watching on a 100-second lesson, with a clock the test moves. */
@SpringBootTest
@ActiveProfiles("test")
@RecordApplicationEvents
class StudyProgressTest {

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

    @Autowired
    ApplicationEvents events;

    final MovingClock clock = new MovingClock(Instant.parse("2026-06-01T02:00:00Z"));
    StudyProgress progress;
    UUID lesson;

    @BeforeEach
    void aPublishedLessonOf100Seconds() {
        progress = TransactionalProxy.of(new StudyProgress(jdbc, catalogue, publisher,
                new TransactionTemplate(transactions), new StudyProperties(0.9, false),
                new StudyCalendar(clock), new SimpleMeterRegistry()), transactions);
        lesson = publishedLesson(100, true);
        logins.as("member");
    }

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void completion_comes_exactly_at_ninety_percent_of_unique_time() {
        progress.begin(lesson);
        clock.advance(Duration.ofSeconds(50));
        StudyProgress.Standing standing = progress.report(lesson, List.of(span(0, 50)), 50);
        assertThat(standing.uniqueSeconds()).isEqualTo(50);
        clock.advance(Duration.ofSeconds(40));
        standing = progress.report(lesson, List.of(span(50, 89.9)), 89.9);
        assertThat(standing.completed()).isFalse();
        assertThat(completions()).isZero();

        clock.advance(Duration.ofSeconds(1));
        standing = progress.report(lesson, List.of(span(89.9, 90)), 90);
        assertThat(standing.completed()).isTrue();
        assertThat(completions()).isEqualTo(1);
        LessonCompleted event = events.stream(LessonCompleted.class).findFirst().orElseThrow();
        assertThat(event.username()).isEqualTo("member");
        assertThat(event.lessonId()).isEqualTo(lesson);
        assertThat(event.durationSeconds()).isEqualTo(100.0);
    }

    @Test
    void seeking_ahead_earns_nothing_and_the_same_report_twice_changes_nothing() {
        progress.begin(lesson);
        clock.advance(Duration.ofSeconds(15));
        progress.report(lesson, List.of(span(0, 10), span(80, 85)), 85); // watched 10 s, jumped, watched 5 s
        clock.advance(Duration.ofSeconds(15));
        StudyProgress.Standing twice = progress.report(lesson, List.of(span(0, 10), span(80, 85)), 85);
        assertThat(twice.uniqueSeconds()).isEqualTo(15);
        assertThat(twice.positionSeconds()).isEqualTo(85);
        assertThat(twice.completed()).isFalse();
    }

    @Test
    void playing_faster_than_twice_real_time_earns_only_twice_real_time() {
        progress.begin(lesson);
        clock.advance(Duration.ofSeconds(10));
        StudyProgress.Standing standing = progress.report(lesson, List.of(span(0, 60)), 60); // 60 s in 10 s
        assertThat(standing.uniqueSeconds()).as("2 × 10 s open + 2 s slack").isEqualTo(22);
        clock.advance(Duration.ofSeconds(10));
        standing = progress.report(lesson, List.of(span(22, 41)), 41); // 1.9×, allowed
        assertThat(standing.uniqueSeconds()).isEqualTo(41);
    }

    @Test
    void a_lesson_completes_once_per_year_however_often_it_is_watched_again() {
        progress.begin(lesson);
        clock.advance(Duration.ofSeconds(100));
        progress.report(lesson, List.of(span(0, 100)), 100);
        progress.begin(lesson);
        clock.advance(Duration.ofSeconds(100));
        progress.report(lesson, List.of(span(0, 100)), 100);
        assertThat(completions()).isEqualTo(1);
        assertThat(events.stream(LessonCompleted.class).filter(e -> e.lessonId().equals(lesson))).hasSize(1);

        clock.advance(Duration.ofDays(365)); // next calendar year: a new completion (and new credit) is possible
        progress.begin(lesson);
        clock.advance(Duration.ofSeconds(100));
        progress.report(lesson, List.of(span(0, 100)), 100);
        assertThat(completions()).isEqualTo(2);
    }

    @Test
    void started_but_unfinished_lessons_are_offered_to_continue() {
        progress.begin(lesson);
        clock.advance(Duration.ofSeconds(20));
        progress.report(lesson, List.of(span(0, 20)), 20);
        assertThat(progress.continuing(1000)).contains(lesson);
        clock.advance(Duration.ofSeconds(90));
        progress.report(lesson, List.of(span(20, 100)), 100);
        assertThat(progress.continuing(1000)).doesNotContain(lesson);
    }

    @Test
    void a_member_outside_the_audience_cannot_report() {
        UUID elsewhere = publishedLesson(100, false);
        assertThatThrownBy(() -> progress.begin(elsewhere)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> progress.report(elsewhere, List.of(span(0, 5)), 5))
                .isInstanceOf(AccessDeniedException.class);
    }

    private int completions() {
        return jdbc.queryForObject("select count(*) from lesson_completion where lesson_id = ?", Integer.class, lesson);
    }

    private static double[] span(double start, double end) {
        return new double[]{start, end};
    }

    /** A published lesson for everyone, or for a committee the member is not under. */
    private UUID publishedLesson(double seconds, boolean everyone) {
        return publishedLesson(jdbc, seconds, everyone);
    }

    static UUID publishedLesson(JdbcTemplate jdbc, double seconds, boolean everyone) {
        UUID talk = TestTalks.ready(jdbc, "lecturer", "t", seconds);
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into lesson (id, title, speaker, summary, category, kind, media_id, duration_seconds, state,"
                + " everyone, owner_username, created_at, published_at) values (?, '一课', '周', '', '党史学习', 'VIDEO',"
                + " ?, ?, 'PUBLISHED', ?, 'lecturer', ?, ?)", id, talk, seconds, everyone, now, now);
        if (!everyone) {
            jdbc.update("insert into lesson_audience (lesson_id, committee_id) values (?, -42)", id);
        }
        return id;
    }
}
