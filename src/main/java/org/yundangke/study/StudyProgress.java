package org.yundangke.study;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
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

    private record Watched(String spans, long uniqueMs, double position, Instant lastReport, long durationMs) {
    }

    private record Outcome(long uniqueMs, double position, boolean completedEver) {
    }

    static final double MAX_SPEED = 2.0;
    /** Leeway for clocks and the report that arrives just after its period. */
    static final Duration SLACK = Duration.ofSeconds(2);
    static final ZoneId CALENDAR = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
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
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.catalogue = catalogue;
        this.events = events;
        this.transaction = transaction;
        this.completionShare = completionShare;
        this.clock = clock;
    }

    /** The lesson page opened: starts the clock the next report is measured against; returns where to resume. */
    @PreAuthorize("isAuthenticated()")
    public Standing begin(UUID lessonId) {
        LessonInfo lesson = catalogue.open(lessonId); // refuses a lesson the member may not see
        long durationMs = Math.round((lesson.durationSeconds() == null ? 0 : lesson.durationSeconds()) * 1000);
        String user = CurrentUser.name();
        Timestamp now = Timestamp.from(clock.instant());
        int year = year(clock.instant());
        transaction.executeWithoutResult(tx -> {
            // a new calendar year starts the lesson's study time afresh; the resume position stays
            int updated = jdbc.update("update watch_progress set last_report_at = ?, duration_ms = ?,"
                    + " played_spans = case when study_year = ? then played_spans else '' end,"
                    + " unique_ms = case when study_year = ? then unique_ms else 0 end, study_year = ?"
                    + " where username = ? and lesson_id = ?", now, durationMs, year, year, year, user, lessonId);
            if (updated == 0) {
                jdbc.update("insert into watch_progress (username, lesson_id, last_report_at, duration_ms, study_year)"
                        + " values (?, ?, ?, ?, ?)", user, lessonId, now, durationMs, year);
            }
        });
        return standing(lessonId);
    }

    /**
     * Merges a report of played spans (seconds from the start) and the current position. Only a lesson page opened
     * with {@link #begin} (which checked the audience) is measured; two statements per report on the hot path.
     */
    @PreAuthorize("isAuthenticated()")
    public Standing report(UUID lessonId, List<double[]> spansSeconds, double positionSeconds) {
        String user = CurrentUser.name();
        List<PlayedSpans.Span> reported = spansSeconds.stream()
                .filter(s -> s.length == 2 && s[1] > s[0] && s[0] >= 0)
                .map(s -> new PlayedSpans.Span(Math.round(s[0] * 1000), Math.round(s[1] * 1000))).toList();
        Outcome outcome = transaction.execute(tx -> {
            List<Watched> rows = jdbc.query("select played_spans, unique_ms, last_position_s, last_report_at,"
                    + " duration_ms from watch_progress where username = ? and lesson_id = ? for update",
                    (rs, n) -> new Watched(rs.getString("played_spans"), rs.getLong("unique_ms"),
                            rs.getDouble("last_position_s"),
                            rs.getObject("last_report_at", OffsetDateTime.class).toInstant(), rs.getLong("duration_ms")),
                    user, lessonId);
            if (rows.isEmpty()) {
                throw new AccessDeniedException("lesson " + lessonId + " was not opened by " + user);
            }
            Watched row = rows.getFirst();
            Instant now = clock.instant();
            long claimedMs = PlayedSpans.none().with(reported).uniqueMs();
            long allowedMs = (long) ((Duration.between(row.lastReport(), now).plus(SLACK).toMillis()) * MAX_SPEED);
            if (claimedMs > allowedMs) {
                return new Outcome(row.uniqueMs(), row.position(), false); // faster than twice real time: ignored
            }
            PlayedSpans merged = PlayedSpans.parse(row.spans()).with(reported).within(row.durationMs());
            double position = Math.max(0, positionSeconds);
            jdbc.update("update watch_progress set played_spans = ?, unique_ms = ?, last_position_s = ?,"
                    + " last_report_at = ? where username = ? and lesson_id = ?", merged.stored(), merged.uniqueMs(),
                    position, Timestamp.from(now), user, lessonId);
            boolean complete = row.durationMs() > 0
                    && merged.uniqueMs() >= Math.ceil(row.durationMs() * completionShare);
            // the threshold is crossed once a year (spans restart with the year), so this is the hot path's only
            // extra work, and recordCompletion still guards against a second device crossing it at the same moment
            boolean completedNow = complete && row.uniqueMs() < Math.ceil(row.durationMs() * completionShare)
                    && recordCompletion(user, lessonId, now);
            if (completedNow) {
                String title = catalogue.title(lessonId);
                events.publishEvent(new LessonCompleted(user, lessonId, title, row.durationMs() / 1000.0, now));
            }
            return new Outcome(merged.uniqueMs(), position, complete);
        });
        return outcome.completedEver() ? standing(lessonId)
                : new Standing(outcome.uniqueMs() / 1000, outcome.position(), false);
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

    /** Which of these lessons the caller has completed this year. */
    @PreAuthorize("isAuthenticated()")
    public Set<UUID> completedThisYear(Collection<UUID> lessonIds) {
        if (lessonIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(named.queryForList("select lesson_id from lesson_completion where username = :user"
                + " and study_year = :year and lesson_id in (:lessons)", Map.of("user", CurrentUser.name(),
                "year", year(clock.instant()), "lessons", lessonIds), UUID.class));
    }

    /** How many of these lessons each of these members completed this year (members with none are left out). */
    Map<String, Integer> completionsThisYear(Collection<String> usernames, Collection<UUID> lessonIds) {
        if (usernames.isEmpty() || lessonIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> counts = new HashMap<>();
        named.query("select username, count(*) as n from lesson_completion where study_year = :year"
                + " and username in (:users) and lesson_id in (:lessons) group by username",
                Map.of("year", year(clock.instant()), "users", usernames, "lessons", lessonIds),
                rs -> {
                    counts.put(rs.getString("username"), rs.getInt("n"));
                });
        return counts;
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
