package org.yundangke.study;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yundangke.base.CurrentUser;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonInfo;

/**
 * Verified watching: merges what the player reports into unique played time per member and lesson, and completes the
 * lesson once that reaches the configured share of its length (default 90 %). A report claiming more play than twice
 * the real time since the previous one is ignored; the same report twice changes nothing.
 */
@Service
public class StudyProgress {

    /** Where a member stands with a lesson: unique time played, where to resume, whether completed this year. */
    public record Standing(long uniqueSeconds, double positionSeconds, boolean completed) {
    }

    private record Watched(String spans, Instant lastReport) {
    }

    static final double MAX_SPEED = 2.0;
    /** Leeway for clocks and the report that arrives just after its period. */
    static final Duration SLACK = Duration.ofSeconds(2);
    static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;
    private final Catalogue catalogue;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final double completionShare;
    private final Clock clock;

    @Autowired
    StudyProgress(JdbcTemplate jdbc, Catalogue catalogue, ApplicationEventPublisher events,
                  TransactionTemplate transaction, @Value("${yundangke.study.completion-share:0.9}") double share) {
        this(jdbc, catalogue, events, transaction, share, Clock.systemUTC());
    }

    StudyProgress(JdbcTemplate jdbc, Catalogue catalogue, ApplicationEventPublisher events,
                  TransactionTemplate transaction, double completionShare, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.events = events;
        this.transaction = transaction;
        this.completionShare = completionShare;
        this.clock = clock;
    }

    /** The lesson page opened: starts the clock the next report is measured against; returns where to resume. */
    @PreAuthorize("isAuthenticated()")
    public Standing begin(UUID lessonId) {
        catalogue.open(lessonId); // refuses a lesson the member may not see
        String user = CurrentUser.name();
        Timestamp now = Timestamp.from(clock.instant());
        transaction.executeWithoutResult(tx -> {
            int updated = jdbc.update("update watch_progress set last_report_at = ? where username = ? and lesson_id = ?",
                    now, user, lessonId);
            if (updated == 0) {
                jdbc.update("insert into watch_progress (username, lesson_id, last_report_at) values (?, ?, ?)",
                        user, lessonId, now);
            }
        });
        return standing(lessonId);
    }

    /** Merges a report of played spans (seconds from the start) and the current position. */
    @PreAuthorize("isAuthenticated()")
    public Standing report(UUID lessonId, List<double[]> spansSeconds, double positionSeconds) {
        LessonInfo lesson = catalogue.open(lessonId);
        String user = CurrentUser.name();
        long durationMs = Math.round((lesson.durationSeconds() == null ? 0 : lesson.durationSeconds()) * 1000);
        List<PlayedSpans.Span> reported = spansSeconds.stream()
                .filter(s -> s.length == 2 && s[1] > s[0] && s[0] >= 0)
                .map(s -> new PlayedSpans.Span(Math.round(s[0] * 1000), Math.round(s[1] * 1000))).toList();
        Boolean completedNow = transaction.execute(tx -> {
            List<Watched> rows = jdbc.query("select played_spans, last_report_at from watch_progress"
                    + " where username = ? and lesson_id = ? for update", (rs, n) -> new Watched(
                    rs.getString("played_spans"), rs.getObject("last_report_at", OffsetDateTime.class).toInstant()),
                    user, lessonId);
            if (rows.isEmpty()) {
                return false; // no lesson page opened: nothing to measure the report against
            }
            Instant last = rows.getFirst().lastReport();
            Instant now = clock.instant();
            long claimedMs = PlayedSpans.none().with(reported).uniqueMs();
            long allowedMs = (long) ((Duration.between(last, now).plus(SLACK).toMillis()) * MAX_SPEED);
            if (claimedMs > allowedMs) {
                return false; // faster than twice real time: not watching
            }
            PlayedSpans merged = PlayedSpans.parse(rows.getFirst().spans()).with(reported)
                    .within(durationMs);
            jdbc.update("update watch_progress set played_spans = ?, unique_ms = ?, last_position_s = ?,"
                    + " last_report_at = ? where username = ? and lesson_id = ?", merged.stored(), merged.uniqueMs(),
                    Math.max(0, positionSeconds), Timestamp.from(now), user, lessonId);
            return durationMs > 0 && merged.uniqueMs() >= Math.ceil(durationMs * completionShare)
                    && recordCompletion(user, lessonId, now);
        });
        if (Boolean.TRUE.equals(completedNow)) {
            events.publishEvent(new LessonCompleted(user, lessonId, durationMs / 1000.0, clock.instant()));
        }
        return standing(lessonId);
    }

    @PreAuthorize("isAuthenticated()")
    public Standing standing(UUID lessonId) {
        String user = CurrentUser.name();
        List<Map<String, Object>> rows = jdbc.queryForList("select unique_ms, last_position_s from watch_progress"
                + " where username = ? and lesson_id = ?", user, lessonId);
        long unique = rows.isEmpty() ? 0 : ((Number) rows.getFirst().get("unique_ms")).longValue() / 1000;
        double position = rows.isEmpty() ? 0 : ((Number) rows.getFirst().get("last_position_s")).doubleValue();
        Integer completions = jdbc.queryForObject("select count(*) from lesson_completion where username = ?"
                + " and lesson_id = ? and study_year = ?", Integer.class, user, lessonId, year(clock.instant()));
        return new Standing(unique, position, completions != null && completions > 0);
    }

    /** Lessons the caller started and has not completed this year, most recently watched first. */
    @PreAuthorize("isAuthenticated()")
    public List<UUID> continuing(int max) {
        return jdbc.queryForList("select p.lesson_id from watch_progress p where p.username = ? and p.unique_ms > 0"
                + " and not exists (select 1 from lesson_completion c where c.username = p.username"
                + " and c.lesson_id = p.lesson_id and c.study_year = ?) order by p.last_report_at desc limit ?",
                UUID.class, CurrentUser.name(), year(clock.instant()), max);
    }

    /** Inserts this year's completion unless there is one; true when this call made it. */
    private boolean recordCompletion(String user, UUID lessonId, Instant now) {
        int year = year(now);
        Integer existing = jdbc.queryForObject("select count(*) from lesson_completion where username = ?"
                + " and lesson_id = ? and study_year = ?", Integer.class, user, lessonId, year);
        if (existing != null && existing > 0) {
            return false;
        }
        jdbc.update("insert into lesson_completion (username, lesson_id, study_year, completed_at) values (?, ?, ?, ?)",
                user, lessonId, year, Timestamp.from(now));
        return true;
    }

    private static int year(Instant instant) {
        return instant.atZone(CALENDAR).getYear();
    }
}
