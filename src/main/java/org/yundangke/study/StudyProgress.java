package org.yundangke.study;

import java.sql.Timestamp;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.UserError;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.catalogue.OpenedLesson;

/**
 * Verified watching: merges what the player reports into unique played time per member and lesson, and completes the
 * lesson once that reaches the configured share of its length (default 90 %). The server's clock bounds it: the
 * unique time a member can hold never exceeds {@value #MAX_SPEED} times the time the server has seen the lesson open
 * (summed over page visits and devices, each moment once) plus a small slack, so a lesson of length L cannot complete
 * sooner than 0.9 × L ÷ {@value #MAX_SPEED} of real time whatever the browser sends. The same report twice changes
 * nothing; a report on a lesson no longer published or no longer meant for the member is refused.
 */
@Service
public class StudyProgress implements DisposableBean {

    /** Where a member stands with a lesson: unique time played, where to resume, whether completed this year. */
    public record Standing(long uniqueSeconds, double positionSeconds, boolean completed) {
    }

    private record Watched(String spans, long uniqueMs, long openMs, Instant lastSeen, long durationMs,
                           Instant audienceChecked, int studyYear, double position) {

        /** The row as it counts in {@code year}: a page left open over New Year starts the new year's time afresh. */
        Watched in(int year) {
            return year == studyYear ? this
                    : new Watched("", 0, 0, lastSeen, durationMs, audienceChecked, year, position);
        }
    }

    private record Key(String user, UUID lessonId) {
    }

    /** One report as the request thread took it: who sent it (for the audience check on the batch's thread). */
    record Report(Authentication caller, String user, UUID lessonId, List<PlayedSpans.Span> spans,
                  double positionSeconds) {

        Key key() {
            return new Key(user, lessonId);
        }
    }

    private record Outcome(long uniqueMs, double position, boolean completedEver) {
    }

    /** The fastest playback the player offers. */
    static final double MAX_SPEED = 2.0;
    /** Leeway in played milliseconds for rounding and the report that arrives just after its period. */
    static final long SLACK_MS = 2_000;
    /**
     * The longest silence that still counts as open time: the player reports every 12 s, a hidden page about once a
     * minute, a phone with its screen off (still playing sound) less often; a page that went quiet for longer may have
     * been closed, so the rest of the silence counts for nothing. The player resends what it played during the visit,
     * so what a short count left out is credited as the page stays open.
     */
    static final Duration MAX_GAP = Duration.ofMinutes(5);
    /** A player sends a handful of spans every 12 s; a report of more is not from our player. */
    static final int MAX_SPANS_PER_REPORT = 200;
    /** Stored spans of one lesson; beyond this a report's new spans are refused (the column holds them all). */
    static final int MAX_STORED_SPANS = 500;
    /**
     * How long the audience check of a page visit holds for its reports: in between, a report only asks whether the
     * lesson is still published (the full check reads the member's branches and committees).
     */
    static final Duration AUDIENCE_RECHECK = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Catalogue catalogue;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final double completionShare;
    private final StudyCalendar calendar;
    private final MeterRegistry meters;
    /** PostgreSQL writes a batch with one statement ({@link #write}). */
    private final boolean postgres;
    /** None when reports are applied one by one on the request's thread (the benchmark's baseline). */
    private final @Nullable ReportBatches<Report> batches;

    StudyProgress(JdbcTemplate jdbc, Catalogue catalogue, ApplicationEventPublisher events,
                  TransactionTemplate transaction, StudyProperties properties, StudyCalendar calendar,
                  MeterRegistry meters) {
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.catalogue = catalogue;
        this.events = events;
        this.completionShare = properties.completionShare();
        this.calendar = calendar;
        this.meters = meters;
        this.postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")));
        this.batches = properties.batchReports() ? new ReportBatches<>("progress-reports", this::applyAll) : null;
    }

    /** At shutdown, after the web server has answered its requests: the queued reports are applied. */
    @Override
    public void destroy() throws InterruptedException {
        if (batches != null) {
            batches.close();
        }
    }

    /** The lesson page opened: the server starts counting open time; returns where to resume. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Standing begin(UUID lessonId) {
        return begin(catalogue.openForStudy(lessonId)); // refuses a lesson the member may not see
    }

    /**
     * {@link #begin(UUID)} for a lesson the page has opened already ({@link Catalogue#openForStudy} checked the
     * caller may see it), so the lesson is not read again.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public Standing begin(OpenedLesson opened) {
        LessonInfo lesson = opened.lesson();
        UUID lessonId = lesson.id();
        long durationMs = Math.round((lesson.durationSeconds() == null ? 0 : lesson.durationSeconds()) * 1000);
        String user = CurrentUser.name();
        Instant now = calendar.now();
        int year = year(now);
        // an editor may open a lesson not meant for them: its reports then get the full check at once (and fail)
        Timestamp audienceChecked = Timestamp.from(catalogue.isMeantForCaller(lesson) ? now : Instant.EPOCH);
        List<Watched> rows = watched(user, lessonId);
        if (rows.isEmpty()) {
            // a page opened in another tab at the same moment may make the row first: it serves this one too
            jdbc.update("insert into watch_progress (username, lesson_id, last_report_at, duration_ms, study_year,"
                    + " audience_checked_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing", user, lessonId,
                    Timestamp.from(now), durationMs, year, audienceChecked);
        } else {
            long openMs = rows.getFirst().openMs() + openSince(rows.getFirst().lastSeen(), now);
            // a new calendar year starts the lesson's study time afresh; the resume position stays
            jdbc.update("update watch_progress set last_report_at = ?, duration_ms = ?,"
                    + " played_spans = case when study_year = ? then played_spans else '' end,"
                    + " unique_ms = case when study_year = ? then unique_ms else 0 end,"
                    + " open_ms = case when study_year = ? then ? else 0 end, study_year = ?, audience_checked_at = ?"
                    + " where username = ? and lesson_id = ?", Timestamp.from(now), durationMs, year, year, year,
                    openMs, year, audienceChecked, user, lessonId);
        }
        return standing(lessonId);
    }

    /**
     * Merges a report of played spans (seconds from the start) and the current position, within what the server's
     * clock allows. Only a lesson page opened with {@link #begin} is measured. Reports arriving together are applied
     * together ({@link ReportBatches}); each is answered after its own is committed.
     *
     * @throws UserError when a number is not finite or the report holds more spans than a player sends
     */
    @PreAuthorize("isAuthenticated()")
    public Standing report(UUID lessonId, List<double[]> spansSeconds, double positionSeconds) {
        List<PlayedSpans.Span> reported = spans(spansSeconds);
        if (!Double.isFinite(positionSeconds)) {
            throw new UserError("progress.report.invalid");
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        Report report = new Report(caller, CurrentUser.name(), lessonId, reported, positionSeconds);
        Object answer = batches != null ? batches.submit(report) : applyAll(List.of(report)).getFirst();
        if (answer instanceof RuntimeException refused) {
            throw refused;
        }
        Outcome outcome = (Outcome) answer;
        return outcome.completedEver() ? standing(lessonId)
                : new Standing(outcome.uniqueMs() / 1000, outcome.position(), false);
    }

    /**
     * Applies reports in one transaction (a TransactionTemplate, not @Transactional: the app's hottest path, every 12 s
     * for every member studying): one locking read of their rows in a fixed order, the same rules as one at a time
     * (a row's later report sees the earlier one), one batched update. Answers each with its {@link Outcome} or the
     * exception that refused it.
     */
    List<Object> applyAll(List<Report> reports) {
        return transaction.execute(tx -> {
            Instant now = calendar.now();
            Map<Key, Watched> rows = lockedRows(reports.stream().map(Report::key).collect(Collectors.toSet()));
            Map<Key, Watched> touched = new LinkedHashMap<>();
            Set<UUID> published = asCaller(reports.getFirst().caller(), () -> catalogue.publishedAmong(
                    reports.stream().map(Report::lessonId).collect(Collectors.toSet())));
            List<Object> answers = new ArrayList<>(reports.size());
            for (Report report : reports) {
                try {
                    answers.add(asCaller(report.caller(), () -> apply(report, rows, touched, published, now)));
                } catch (RuntimeException refused) {
                    answers.add(refused);
                }
            }
            long refused = answers.stream().filter(RuntimeException.class::isInstance).count();
            meters.counter("yundangke.progress.reports", "outcome", "accepted").increment(answers.size() - refused);
            meters.counter("yundangke.progress.reports", "outcome", "refused").increment(refused);
            meters.summary("yundangke.progress.batch.size").record(answers.size());
            write(touched);
            return answers;
        });
    }

    /**
     * Writes the batch's rows. On PostgreSQL one statement whatever the batch's size (an update from arrays, each
     * column one array, so the statement and its plan are the same for every batch); elsewhere one batched update.
     */
    private void write(Map<Key, Watched> touched) {
        List<Map.Entry<Key, Watched>> rows = List.copyOf(touched.entrySet());
        if (postgres) {
            jdbc.update("update watch_progress w set played_spans = u.spans, unique_ms = u.unique_ms,"
                    + " last_position_s = u.position, open_ms = u.open_ms, last_report_at = u.last_seen,"
                    + " audience_checked_at = u.checked, study_year = u.study_year"
                    + " from unnest(?::text[], ?::bigint[], ?::float8[], ?::bigint[], ?::timestamptz[],"
                    + " ?::timestamptz[], ?::int[], ?::text[], ?::uuid[]) as u(spans, unique_ms, position, open_ms,"
                    + " last_seen, checked, study_year, username, lesson_id)"
                    + " where w.username = u.username and w.lesson_id = u.lesson_id",
                    column(rows, e -> e.getValue().spans()), column(rows, e -> e.getValue().uniqueMs()),
                    column(rows, e -> e.getValue().position()), column(rows, e -> e.getValue().openMs()),
                    column(rows, e -> e.getValue().lastSeen().toString()),
                    column(rows, e -> e.getValue().audienceChecked().toString()),
                    column(rows, e -> e.getValue().studyYear()), column(rows, e -> e.getKey().user()),
                    column(rows, e -> e.getKey().lessonId()));
            return;
        }
        jdbc.batchUpdate("update watch_progress set played_spans = ?, unique_ms = ?, last_position_s = ?,"
                + " open_ms = ?, last_report_at = ?, audience_checked_at = ?, study_year = ?"
                + " where username = ? and lesson_id = ?", rows.stream().map(e -> new Object[]{
                        e.getValue().spans(), e.getValue().uniqueMs(), e.getValue().position(),
                        e.getValue().openMs(), Timestamp.from(e.getValue().lastSeen()),
                        Timestamp.from(e.getValue().audienceChecked()), e.getValue().studyYear(),
                        e.getKey().user(), e.getKey().lessonId()}).toList());
    }

    /** One column of the rows as an array the driver sends as one parameter (its type given by the cast). */
    private static String[] column(List<Map.Entry<Key, Watched>> rows, Function<Map.Entry<Key, Watched>, Object> value) {
        return rows.stream().map(value).map(String::valueOf).toArray(String[]::new);
    }

    private Outcome apply(Report report, Map<Key, Watched> rows, Map<Key, Watched> touched, Set<UUID> published,
                          Instant now) {
        UUID lessonId = report.lessonId();
        Watched stored = rows.get(report.key());
        if (stored == null) {
            throw new AccessDeniedException("lesson " + lessonId + " was not opened by " + report.user());
        }
        Watched row = stored.in(year(now));
        boolean checkAudience = !row.audienceChecked().plus(AUDIENCE_RECHECK).isAfter(now);
        if (checkAudience ? !catalogue.isOpenToCaller(lessonId) : !published.contains(lessonId)) {
            throw new AccessDeniedException("lesson " + lessonId + " is no longer published for " + report.user());
        }
        long openMs = row.openMs() + openSince(row.lastSeen(), now);
        PlayedSpans before = PlayedSpans.parse(row.spans());
        PlayedSpans merged = before.withAtMost(report.spans(), row.durationMs(), (long) (MAX_SPEED * openMs) + SLACK_MS);
        if (merged.spans().size() > MAX_STORED_SPANS) {
            merged = before; // scattered seconds beyond any real viewing: kept out of the column
        }
        double position = Math.clamp(report.positionSeconds(), 0, row.durationMs() / 1000.0);
        Watched after = new Watched(merged.stored(), merged.uniqueMs(), openMs, now, row.durationMs(),
                checkAudience ? now : row.audienceChecked(), row.studyYear(), position);
        rows.put(report.key(), after);
        touched.put(report.key(), after);
        boolean complete = complete(merged.uniqueMs(), openMs, row.durationMs());
        // the threshold is crossed once a year (spans restart with the year), so this is the hot path's only
        // extra work, and recordCompletion still guards against a second device crossing it at the same moment
        boolean completedNow = complete && !complete(row.uniqueMs(), row.openMs(), row.durationMs())
                && recordCompletion(report.user(), lessonId, now);
        if (completedNow) {
            String title = catalogue.title(lessonId);
            events.publishEvent(new LessonCompleted(report.user(), lessonId, title, row.durationMs() / 1000.0, now));
        }
        return new Outcome(merged.uniqueMs(), position, complete);
    }

    /** Runs one report's rules on this (the batch's) thread as the member who sent it (the checks read their reach). */
    private static <R> R asCaller(Authentication caller, Supplier<R> check) {
        SecurityContext saved = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(caller);
        SecurityContextHolder.setContext(context);
        try {
            return check.get();
        } finally {
            SecurityContextHolder.setContext(saved);
        }
    }

    /** The share of the lesson is played, and the lesson was open long enough to play it at the fastest speed. */
    private boolean complete(long uniqueMs, long openMs, long durationMs) {
        double threshold = Math.ceil(durationMs * completionShare);
        return durationMs > 0 && uniqueMs >= threshold && MAX_SPEED * openMs >= threshold;
    }

    /** Open time since the server last heard from a page of the lesson: real time, a silence counting up to a limit. */
    private static long openSince(Instant lastSeen, Instant now) {
        return Math.clamp(Duration.between(lastSeen, now).toMillis(), 0, MAX_GAP.toMillis());
    }

    private List<Watched> watched(String user, UUID lessonId) {
        return jdbc.query("select " + WATCHED + " from watch_progress where username = ? and lesson_id = ? for update",
                (rs, n) -> watched(rs), user, lessonId);
    }

    /**
     * The rows of these reports, locked in one order (username, lesson) so that two nodes never wait on each other.
     * Two arrays, not a list of pairs: the statement stays the same for every batch, so the database plans it once
     * (200 pairs took PostgreSQL 29 ms to plan). A member's other lessons of the batch are locked with it (no harm).
     */
    private Map<Key, Watched> lockedRows(Set<Key> keys) {
        String[] users = keys.stream().map(Key::user).distinct().toArray(String[]::new);
        UUID[] lessons = keys.stream().map(Key::lessonId).distinct().toArray(UUID[]::new);
        Map<Key, Watched> rows = new HashMap<>();
        jdbc.query("select username, lesson_id, " + WATCHED + " from watch_progress where username = any(?)"
                + " and lesson_id = any(?) order by username, lesson_id for update", rs -> {
                    Key key = new Key(rs.getString("username"), rs.getObject("lesson_id", UUID.class));
                    if (keys.contains(key)) {
                        rows.put(key, watched(rs));
                    }
                }, users, lessons);
        return rows;
    }

    private static final String WATCHED = "played_spans, unique_ms, open_ms, last_report_at, duration_ms,"
            + " audience_checked_at, study_year, last_position_s";

    private static Watched watched(ResultSet rs) throws SQLException {
        return new Watched(rs.getString("played_spans"), rs.getLong("unique_ms"), rs.getLong("open_ms"),
                rs.getObject("last_report_at", OffsetDateTime.class).toInstant(), rs.getLong("duration_ms"),
                Optional.ofNullable(rs.getObject("audience_checked_at", OffsetDateTime.class))
                        .map(OffsetDateTime::toInstant).orElse(Instant.EPOCH), rs.getInt("study_year"),
                rs.getDouble("last_position_s"));
    }

    private static List<PlayedSpans.Span> spans(List<double[]> spansSeconds) {
        if (spansSeconds.size() > MAX_SPANS_PER_REPORT) {
            throw new UserError("progress.report.invalid");
        }
        for (double[] span : spansSeconds) {
            if (span == null || span.length != 2 || !Double.isFinite(span[0]) || !Double.isFinite(span[1])) {
                throw new UserError("progress.report.invalid");
            }
        }
        return spansSeconds.stream().filter(s -> s[1] > s[0] && s[0] >= 0)
                .map(s -> new PlayedSpans.Span(Math.round(s[0] * 1000), Math.round(s[1] * 1000))).toList();
    }

    @PreAuthorize("isAuthenticated()")
    public Standing standing(UUID lessonId) {
        String user = CurrentUser.name();
        List<Map<String, Object>> rows = jdbc.queryForList("select unique_ms, last_position_s from watch_progress"
                + " where username = ? and lesson_id = ?", user, lessonId);
        long unique = rows.isEmpty() ? 0 : ((Number) rows.getFirst().get("unique_ms")).longValue() / 1000;
        double position = rows.isEmpty() ? 0 : ((Number) rows.getFirst().get("last_position_s")).doubleValue();
        Integer completions = jdbc.queryForObject("select count(*) from lesson_completion where username = ?"
                + " and lesson_id = ? and study_year = ?", Integer.class, user, lessonId, year(calendar.now()));
        return new Standing(unique, position, completions != null && completions > 0);
    }

    /** Lessons the caller started and has not completed this year, most recently watched first. */
    @PreAuthorize("isAuthenticated()")
    public List<UUID> continuing(int max) {
        return jdbc.queryForList("select p.lesson_id from watch_progress p where p.username = ? and p.unique_ms > 0"
                + " and not exists (select 1 from lesson_completion c where c.username = p.username"
                + " and c.lesson_id = p.lesson_id and c.study_year = ?) order by p.last_report_at desc limit ?",
                UUID.class, CurrentUser.name(), year(calendar.now()), max);
    }

    /** Which of these lessons the caller has completed this year. */
    @PreAuthorize("isAuthenticated()")
    public Set<UUID> completedThisYear(Collection<UUID> lessonIds) {
        if (lessonIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(named.queryForList("select lesson_id from lesson_completion where username = :user"
                + " and study_year = :year and lesson_id in (:lessons)", Map.of("user", CurrentUser.name(),
                "year", year(calendar.now()), "lessons", lessonIds), UUID.class));
    }

    /** Which of these lessons each of these members completed this year (members with none are left out). */
    Map<String, Set<UUID>> completedThisYear(Collection<String> usernames, Collection<UUID> lessonIds) {
        if (usernames.isEmpty() || lessonIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Set<UUID>> completed = new HashMap<>();
        named.query("select username, lesson_id from lesson_completion where study_year = :year"
                + " and username in (:users) and lesson_id in (:lessons)",
                Map.of("year", year(calendar.now()), "users", usernames, "lessons", lessonIds),
                rs -> {
                    completed.computeIfAbsent(rs.getString("username"), u -> new HashSet<>())
                            .add(rs.getObject("lesson_id", UUID.class));
                });
        return completed;
    }

    /**
     * How much of each of these lessons each of these members played this year, as a share (0 to 1) of its length;
     * lessons not played this year are left out. One statement.
     */
    Map<String, Map<UUID, Double>> playedThisYear(Collection<String> usernames, Collection<UUID> lessonIds) {
        if (usernames.isEmpty() || lessonIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<UUID, Double>> played = new HashMap<>();
        named.query("select username, lesson_id, unique_ms, duration_ms from watch_progress where study_year = :year"
                + " and unique_ms > 0 and username in (:users) and lesson_id in (:lessons)",
                Map.of("year", year(calendar.now()), "users", usernames, "lessons", lessonIds), rs -> {
                    long duration = rs.getLong("duration_ms");
                    double share = duration <= 0 ? 0 : Math.min(1.0, rs.getLong("unique_ms") / (double) duration);
                    played.computeIfAbsent(rs.getString("username"), u -> new HashMap<>())
                            .put(rs.getObject("lesson_id", UUID.class), share);
                });
        return played;
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

    private int year(Instant instant) {
        return calendar.yearOf(instant);
    }
}
