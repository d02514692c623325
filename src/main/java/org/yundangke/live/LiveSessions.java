package org.yundangke.live;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.UserError;
import org.yundangke.media.LiveStreams;
import org.yundangke.org.CommitteeInfo;
import org.yundangke.org.OrgDirectory;

/**
 * Live sessions as authors schedule them and members find them: for every member, or for the committees an admin
 * chooses in their own area; a member sees a session meant for a committee above one of their branches.
 */
@Service
@Transactional(readOnly = true)
public class LiveSessions {

    static final Duration LONGEST = Duration.ofHours(8);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where and with which key the speaker streams (RTMP, or SRT with the key as passphrase), for the author only. */
    public record Ingest(String serverUrl, String streamKey, String srtUrl) {
        public String fullUrl() {
            return serverUrl + "/" + streamKey;
        }
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final OrgDirectory directory;
    private final StudyCalendar calendar;
    private final LiveProperties properties;

    LiveSessions(JdbcTemplate jdbc, OrgDirectory directory, StudyCalendar calendar, LiveProperties properties) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.directory = directory;
        this.calendar = calendar;
        this.properties = properties;
    }

    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    @Transactional
    public LiveSession schedule(LiveDraft draft) {
        check(draft);
        Set<Long> audience = draft.audience();
        if (audience.isEmpty() && CurrentUser.isAdmin() && !directory.administersProvince()) {
            // as with lessons: only the province reaches everyone; a city or county admin's own area by default
            audience = directory.committeesInScope().stream().limit(1).map(CommitteeInfo::id)
                    .collect(Collectors.toSet());
        }
        if (!audience.isEmpty()) {
            Set<Long> mine = CurrentUser.isAdmin() ? directory.committeesInScope().stream().map(CommitteeInfo::id)
                    .collect(Collectors.toSet()) : Set.of();
            if (!mine.containsAll(audience)) {
                throw new AccessDeniedException("audience outside the author's area");
            }
        }
        UUID id = UUID.randomUUID();
        String key = draft.mode() == LiveMode.APP ? HexFormat.of().formatHex(randomBytes()) : null;
        Integer port = draft.mode() == LiveMode.APP ? freePort(draft.startsAt(), draft.endsAt()) : null;
        jdbc.update("insert into live_session (id, title, speaker, summary, starts_at, ends_at, mode, join_url,"
                + " attend_percent, everyone, stream_key, ingest_port, created_by, created_at, check_word)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, draft.title().strip(),
                draft.speaker().strip(), draft.summary().strip(), Timestamp.from(draft.startsAt()),
                Timestamp.from(draft.endsAt()), draft.mode().name(),
                draft.mode() == LiveMode.LINK ? draft.joinUrl().strip() : null, draft.attendPercent(),
                audience.isEmpty(), key, port, CurrentUser.name(), Timestamp.from(calendar.now()),
                draft.mode() == LiveMode.LINK && draft.checkWord() != null && !draft.checkWord().isBlank()
                        ? draft.checkWord().strip() : null);
        for (Long committee : audience) {
            jdbc.update("insert into live_audience (session_id, committee_id) values (?, ?)", id, committee);
        }
        return find(id).orElseThrow();
    }

    /** Calls a session off; members see it as cancelled and no reminder goes out. */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    @Transactional
    public void cancel(UUID sessionId) {
        LiveSession session = authored(sessionId);
        jdbc.update("update live_session set cancelled = true where id = ?", session.id());
    }

    /** The sessions an author scheduled (an admin: all those of their area), newest start first. */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    public List<LiveSession> mine() {
        return CurrentUser.isAdmin() ? query("order by s.starts_at desc", Map.of()).stream().filter(this::mayManage)
                .toList() : query("where s.created_by = :me order by s.starts_at desc", Map.of("me", CurrentUser.name()));
    }

    /** Sessions for the caller that have not ended, soonest first (one going on now first of all). */
    @PreAuthorize("isAuthenticated()")
    public List<LiveSession> upcomingForMe(int max) {
        return query("where not s.cancelled and s.ends_at > :now order by s.starts_at",
                Map.of("now", Timestamp.from(calendar.now()))).stream().filter(this::meantForCaller).limit(max)
                .toList();
    }

    /** Sessions for the caller that have ended, the latest first. */
    @PreAuthorize("isAuthenticated()")
    public List<LiveSession> pastForMe(int max) {
        return query("where not s.cancelled and s.ends_at <= :now order by s.starts_at desc",
                Map.of("now", Timestamp.from(calendar.now()))).stream().filter(this::meantForCaller).limit(max)
                .toList();
    }

    /** A session the caller may see (its audience, its author, an admin); any other id is refused alike. */
    @PreAuthorize("isAuthenticated()")
    public LiveSession open(UUID sessionId) {
        return openOrNone(sessionId)
                .orElseThrow(() -> new AccessDeniedException("live " + sessionId + " is not open to the caller"));
    }

    /** The same without refusing: empty for any id the caller may not see (and for ids of other things). */
    @PreAuthorize("isAuthenticated()")
    public Optional<LiveSession> openOrNone(UUID sessionId) {
        return find(sessionId).filter(s -> meantForCaller(s) || mayManage(s));
    }

    /** The RTMP address and key of an in-app session, for its author or an admin. */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    public Ingest ingest(UUID sessionId) {
        LiveSession session = authored(sessionId);
        Map<String, Object> row = jdbc.queryForMap("select stream_key, ingest_port from live_session where id = ?",
                session.id());
        if (row.get("stream_key") == null) {
            throw new UserError("live.not-in-app");
        }
        int port = ((Number) row.get("ingest_port")).intValue();
        String key = (String) row.get("stream_key");
        return new Ingest("rtmp://" + properties.ingestHost() + ":" + port + "/live", key,
                "srt://" + properties.ingestHost() + ":" + (port + LiveStreams.SRT_OFFSET) + "?passphrase=" + key);
    }

    /** Whether {@code word} is the session's check word (spaces and letter case aside); true when it asks none. */
    boolean checkWordMatches(UUID sessionId, @Nullable String word) {
        String expected = jdbc.queryForObject("select check_word from live_session where id = ?", String.class,
                sessionId);
        return expected == null || (word != null && normalised(word).equals(normalised(expected)));
    }

    private static String normalised(String word) {
        return word.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
    }

    Optional<LiveSession> find(UUID sessionId) {
        return query("where s.id = :id", Map.of("id", sessionId)).stream().findFirst();
    }

    /** Whether the session reaches the caller: every member, or a committee above one of their branches. */
    boolean meantForCaller(LiveSession session) {
        if (session.everyone()) {
            return true;
        }
        Set<Long> line = directory.myCommitteeLine();
        return session.audience().stream().anyMatch(line::contains);
    }

    /**
     * The sessions meant for a member (by login, with no one logged in: a calendar app asking for the feed) that end
     * after {@code since}, cancelled ones too, by start.
     */
    List<LiveSession> meantFor(String username, Instant since) {
        return query("where s.ends_at > :since and (s.everyone or exists (select 1 from live_audience a"
                + " join org_branch_committee bc on bc.committee_id = a.committee_id"
                + " join org_member_branch mb on mb.branch_id = bc.branch_id"
                + " join org_member_login l on l.member_id = mb.member_id"
                + " where a.session_id = s.id and l.username = :user)) order by s.starts_at",
                Map.of("since", Timestamp.from(since), "user", username));
    }

    /** The logins of the members a session is for (reminders go to them). */
    List<String> audienceLogins(LiveSession session) {
        if (session.everyone()) {
            return jdbc.queryForList("select distinct username from org_member_login", String.class);
        }
        return named.queryForList("select distinct l.username from org_member_login l"
                + " join org_member_branch mb on mb.member_id = l.member_id"
                + " join org_branch_committee bc on bc.branch_id = mb.branch_id"
                + " where bc.committee_id in (:audience)", Map.of("audience", session.audience()), String.class);
    }

    /** A session of the caller's (its author, or an admin); any other id is refused alike. */
    LiveSession authored(UUID sessionId) {
        return find(sessionId).filter(this::mayManage)
                .orElseThrow(() -> new AccessDeniedException("live " + sessionId + " is not the caller's"));
    }

    /**
     * Its author, or an admin whose area holds the whole audience (a session for every member: a province admin).
     * A county admin does not see another area's stream key, cancel its sessions or import their attendance.
     */
    private boolean mayManage(LiveSession session) {
        if (session.createdBy().equals(CurrentUser.name())) {
            return true;
        }
        if (!CurrentUser.isAdmin()) {
            return false;
        }
        if (directory.administersProvince()) {
            return true;
        }
        return !session.everyone() && directory.committeesInScope().stream().map(CommitteeInfo::id)
                .collect(Collectors.toSet()).containsAll(session.audience());
    }

    /** Whether a session is for the members of this branch (every member, or a committee above the branch). */
    boolean reachesBranch(LiveSession session, long branchId) {
        if (session.everyone()) {
            return true;
        }
        return !named.queryForList("select committee_id from org_branch_committee where branch_id = :branch"
                + " and committee_id in (:audience)", Map.of("branch", branchId, "audience", session.audience()),
                Long.class).isEmpty();
    }

    private List<LiveSession> query(String where, Map<String, ?> parameters) {
        List<LiveSession> sessions = named.query("select s.* from live_session s " + where, parameters,
                LiveSessions::session);
        if (sessions.isEmpty()) {
            return sessions;
        }
        Map<UUID, Set<Long>> audiences = new HashMap<>();
        named.query("select session_id, committee_id from live_audience where session_id in (:ids)",
                Map.of("ids", sessions.stream().map(LiveSession::id).toList()), rs -> {
                    audiences.computeIfAbsent(rs.getObject("session_id", UUID.class), k -> new HashSet<>())
                            .add(rs.getLong("committee_id"));
                });
        return sessions.stream().map(s -> audiences.containsKey(s.id()) ? new LiveSession(s.id(), s.title(),
                s.speaker(), s.summary(), s.startsAt(), s.endsAt(), s.mode(), s.joinUrl(), s.attendPercent(),
                s.everyone(), Set.copyOf(audiences.get(s.id())), s.mediaId(), s.replayLessonId(), s.cancelled(),
                s.createdBy(), s.asksWord()) : s).toList();
    }

    /** The lowest port of the range that no other in-app session uses around the same time. */
    private int freePort(Instant start, Instant end) {
        Set<Integer> taken = new HashSet<>(jdbc.queryForList("select ingest_port from live_session"
                + " where mode = 'APP' and not cancelled and starts_at < ? and ends_at > ?", Integer.class,
                Timestamp.from(end.plus(properties.closeAfter()).plus(properties.openBefore())),
                Timestamp.from(start.minus(properties.openBefore()).minus(properties.closeAfter()))));
        return IntStream.range(properties.firstPort(), properties.firstPort() + properties.ports())
                .filter(p -> !taken.contains(p)).findFirst().orElseThrow(() -> new UserError("live.no-port"));
    }

    private void check(LiveDraft draft) {
        if (draft.title().isBlank() || draft.title().strip().length() > 200) {
            throw new UserError("live.invalid.title");
        }
        if (draft.speaker().isBlank() || draft.speaker().strip().length() > 100) {
            throw new UserError("live.invalid.speaker");
        }
        if (draft.summary().strip().length() > 2000) {
            throw new UserError("live.invalid.summary");
        }
        if (!draft.endsAt().isAfter(draft.startsAt())
                || Duration.between(draft.startsAt(), draft.endsAt()).compareTo(LONGEST) > 0) {
            throw new UserError("live.invalid.time", LONGEST.toHours());
        }
        if (!draft.startsAt().isAfter(calendar.now())) {
            throw new UserError("live.invalid.past");
        }
        if (draft.attendPercent() < 1 || draft.attendPercent() > 100) {
            throw new UserError("live.invalid.percent");
        }
        if (draft.mode() == LiveMode.LINK && !isWebAddress(draft.joinUrl())) {
            throw new UserError("live.invalid.url");
        }
        if (draft.checkWord() != null && draft.checkWord().strip().length() > 50) {
            throw new UserError("live.invalid.word");
        }
    }

    static boolean isWebAddress(@Nullable String url) {
        if (url == null || url.isBlank() || url.strip().length() > 1000) {
            return false;
        }
        try {
            URI uri = new URI(url.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException notAnAddress) {
            return false;
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static LiveSession session(ResultSet rs, int row) throws SQLException {
        return new LiveSession(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("speaker"),
                rs.getString("summary"), instant(rs, "starts_at"), instant(rs, "ends_at"),
                LiveMode.valueOf(rs.getString("mode")), rs.getString("join_url"), rs.getInt("attend_percent"),
                rs.getBoolean("everyone"), Set.of(), rs.getObject("media_id", UUID.class),
                rs.getObject("replay_lesson_id", UUID.class), rs.getBoolean("cancelled"), rs.getString("created_by"),
                rs.getString("check_word") != null);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
