package org.yundangke.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Logins;
import org.yundangke.base.StudyCalendar;

/**
 * Progress reports sent at the same moment by many members' pages are applied together (the app's own bean, batched):
 * each is answered with its own standing, the same page's reports are merged in order, and a refused report (a lesson
 * the member never opened, one another member may not see) fails alone without taking the others with it.
 */
@SpringBootTest
@ActiveProfiles("test")
class ReportBatchesTest {

    @Autowired StudyProgress progress;
    @Autowired JdbcTemplate jdbc;
    @Autowired Logins logins;
    @Autowired StudyCalendar calendar;

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void reports_sent_together_are_each_answered_and_a_refused_one_fails_alone() throws Exception {
        List<UUID> lessons = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lessons.add(StudyProgressTest.publishedLesson(jdbc, 600, true));
        }
        UUID notOpened = StudyProgressTest.publishedLesson(jdbc, 600, true);
        UUID hidden = StudyProgressTest.publishedLesson(jdbc, 600, false); // for an audience the member is not in
        logins.as("member");
        lessons.forEach(progress::begin);
        // the pages have been open for ten minutes; the hidden lesson's page was opened before it was hidden
        for (UUID lesson : lessons) {
            jdbc.update("update watch_progress set last_report_at = ?, open_ms = 600000 where username = 'member'"
                    + " and lesson_id = ?", Timestamp.from(Instant.now().minusSeconds(5)), lesson);
        }
        jdbc.update("insert into watch_progress (username, lesson_id, last_report_at, duration_ms, study_year,"
                + " audience_checked_at) values ('member', ?, ?, 600000, ?, ?)", hidden, Timestamp.from(Instant.now()),
                calendar.thisYear(), Timestamp.from(Instant.EPOCH));
        var member = SecurityContextHolder.getContext().getAuthentication();

        // every lesson gets two reports of 10 s each, all released at once from 16 threads
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<StudyProgress.Standing>> calls = new ArrayList<>();
        for (UUID lesson : lessons) {
            for (int part = 0; part < 2; part++) {
                double from = part * 10;
                calls.add(() -> {
                    SecurityContextHolder.getContext().setAuthentication(member);
                    go.await();
                    return progress.report(lesson, List.of(new double[]{from, from + 10}), from + 10);
                });
            }
        }
        List<Future<?>> refused = new ArrayList<>();
        List<Future<StudyProgress.Standing>> answered = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (Callable<StudyProgress.Standing> call : calls) {
                answered.add(pool.submit(call));
            }
            for (UUID wrong : List.of(notOpened, hidden)) {
                refused.add(pool.submit(() -> {
                    SecurityContextHolder.getContext().setAuthentication(member);
                    go.await();
                    return progress.report(wrong, List.of(new double[]{0, 10}), 10);
                }));
            }
            go.countDown();
            for (Future<StudyProgress.Standing> answer : answered) {
                assertThat(answer.get().uniqueSeconds()).isBetween(10L, 20L);
            }
            for (Future<?> refusal : refused) {
                assertThat(org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                        refusal::get)).hasCauseInstanceOf(AccessDeniedException.class);
            }
        }
        for (UUID lesson : lessons) {
            assertThat(jdbc.queryForObject("select unique_ms from watch_progress where username = 'member'"
                    + " and lesson_id = ?", Long.class, lesson)).as("both reports of %s merged", lesson)
                    .isEqualTo(20_000L);
        }
        assertThat(jdbc.queryForObject("select unique_ms from watch_progress where username = 'member'"
                + " and lesson_id = ?", Long.class, hidden)).isZero();
    }
}
