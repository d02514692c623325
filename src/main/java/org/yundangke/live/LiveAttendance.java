package org.yundangke.live;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.UserError;
import org.yundangke.org.MemberAccount;
import org.yundangke.org.OrgDirectory;

/**
 * Attendance the server can vouch for, fair to old people: in the app, presence counted in slots of the server's
 * clock inside the live window (devices together count once); by meeting link, a check-in accepted only while the
 * session is on; in a group, the members a secretary saw in the room. Attended once → {@link LiveAttended}, once.
 */
@Service
@Transactional
public class LiveAttendance {

    /** How a member attended. */
    public enum How { APP, LINK, GROUP, IMPORT }

    /** The caller's attendance of a session: seconds present in the app so far, and how they attended if they did. */
    public record Mine(long presentSeconds, long requiredSeconds, @Nullable How attended) {
    }

    /** A stream last seen longer ago than this is not arriving: presence reports then count nothing. */
    static final Duration STREAM_SEEN_WITHIN = Duration.ofSeconds(30);
    /** Group watching is recorded soon after the session, not months later. */
    static final Duration GROUP_RECORDED_WITHIN = Duration.ofDays(7);

    private final JdbcTemplate jdbc;
    private final LiveSessions sessions;
    private final OrgDirectory directory;
    private final StudyCalendar calendar;
    private final LiveProperties properties;
    private final ApplicationEventPublisher events;

    LiveAttendance(JdbcTemplate jdbc, LiveSessions sessions, OrgDirectory directory, StudyCalendar calendar,
                   LiveProperties properties, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.directory = directory;
        this.calendar = calendar;
        this.properties = properties;
        this.events = events;
    }

    /**
     * "我已参加" for a meeting-link session: accepted only while it is on (by the server's clock), and with the word
     * the speaker said when the session asks one; counts the whole session, as the member says they are in it.
     */
    @PreAuthorize("isAuthenticated()")
    public void checkIn(UUID sessionId, @Nullable String word) {
        LiveSession session = sessions.open(sessionId);
        if (session.mode() != LiveMode.LINK) {
            throw new UserError("live.check-in.in-app");
        }
        if (session.state(calendar.now()) != LiveState.LIVE) {
            throw new UserError("live.check-in.outside");
        }
        if (!sessions.checkWordMatches(sessionId, word)) {
            throw new UserError("live.check-in.word");
        }
        record(session, myMemberId(), How.LINK, (int) session.length().toMinutes());
    }

    /**
     * A presence report from the in-app player (playing, page visible): marks the current slot of the live window.
     * Reports outside the window or for another mode change nothing; false then.
     */
    @PreAuthorize("isAuthenticated()")
    public boolean present(UUID sessionId) {
        LiveSession session = sessions.open(sessionId);
        Instant now = calendar.now();
        if (session.mode() != LiveMode.APP || session.state(now) != LiveState.LIVE || !streamArriving(sessionId, now)) {
            return false;
        }
        long slotSeconds = properties.presenceSlot().toSeconds();
        int slot = (int) (Duration.between(session.startsAt(), now).toSeconds() / slotSeconds);
        jdbc.update("insert into live_presence (session_id, username, slot) values (?, ?, ?) on conflict do nothing",
                sessionId, CurrentUser.name(), slot);
        long present = presentSeconds(sessionId, CurrentUser.name(), session);
        if (present >= session.requiredSeconds()) { // attended: the talk's length, as by link or in a group
            directory.memberIdOf(CurrentUser.name()).ifPresent(member ->
                    record(session, member, How.APP, (int) session.length().toMinutes()));
        }
        return true;
    }

    /** Whether the ingest saw the stream arriving lately (it notes so every few seconds while it does). */
    private boolean streamArriving(UUID sessionId, Instant now) {
        List<java.time.OffsetDateTime> seen = jdbc.queryForList("select stream_seen_at from live_session where id = ?"
                + " and stream_seen_at is not null", java.time.OffsetDateTime.class, sessionId);
        return !seen.isEmpty() && !seen.getFirst().toInstant().isBefore(now.minus(STREAM_SEEN_WITHIN));
    }

    /** The caller's standing for a session. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Mine mine(UUID sessionId) {
        LiveSession session = sessions.open(sessionId);
        How how = directory.memberIdOf(CurrentUser.name()).flatMap(member -> jdbc.queryForList(
                "select how from live_attendance where session_id = ? and member_id = ?", String.class, sessionId,
                member).stream().findFirst()).map(How::valueOf).orElse(null);
        return new Mine(presentSeconds(sessionId, CurrentUser.name(), session), session.requiredSeconds(), how);
    }

    /**
     * Group watching (集中收看 in an activity room, a family TV): a secretary records the members of their branch who
     * were there, members without a login too. Only once the session has begun.
     */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public int recordGroup(UUID sessionId, long branchId, Collection<Long> memberIds) {
        LiveSession session = sessions.find(sessionId).filter(s -> !s.cancelled())
                .orElseThrow(() -> new AccessDeniedException("no live " + sessionId));
        if (session.state(calendar.now()) == LiveState.UPCOMING) {
            throw new UserError("live.group.not-begun");
        }
        if (calendar.now().isAfter(session.endsAt().plus(GROUP_RECORDED_WITHIN))) {
            throw new UserError("live.group.too-late", GROUP_RECORDED_WITHIN.toDays());
        }
        if (!sessions.reachesBranch(session, branchId)) {
            throw new AccessDeniedException("live " + sessionId + " is not for branch " + branchId);
        }
        Set<Long> ofBranch = membersOf(branchId);
        if (!ofBranch.containsAll(memberIds)) {
            throw new AccessDeniedException("members outside branch " + branchId);
        }
        int recorded = 0;
        for (long member : memberIds) {
            recorded += record(session, member, How.GROUP, (int) session.length().toMinutes()) ? 1 : 0;
        }
        return recorded;
    }

    /** The members of a branch recorded as attending, by how. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<Long> attendedOf(UUID sessionId, long branchId) {
        Set<Long> ofBranch = membersOf(branchId);
        return jdbc.queryForList("select member_id from live_attendance where session_id = ?", Long.class, sessionId)
                .stream().filter(ofBranch::contains).toList();
    }

    /** The members of a branch the caller leads or administers; refused outside the caller's scope. */
    private Set<Long> membersOf(long branchId) {
        return Set.copyOf(directory.memberAccountsOf(branchId).stream().map(MemberAccount::memberId).toList());
    }

    private long presentSeconds(UUID sessionId, String username, LiveSession session) {
        Integer slots = jdbc.queryForObject("select count(*) from live_presence where session_id = ? and username = ?",
                Integer.class, sessionId, username);
        long seconds = (slots == null ? 0 : slots) * properties.presenceSlot().toSeconds();
        return Math.min(seconds, session.length().toSeconds());
    }

    /** One attendance per member and session; the first publishes LiveAttended. */
    boolean record(LiveSession session, long memberId, How how, int minutes) {
        Instant now = calendar.now();
        int made = jdbc.update("insert into live_attendance (session_id, member_id, how, minutes, attended_at,"
                + " recorded_by) values (?, ?, ?, ?, ?, ?) on conflict do nothing", session.id(), memberId, how.name(),
                minutes, Timestamp.from(now), CurrentUser.name());
        if (made == 1) {
            events.publishEvent(new LiveAttended(memberId, session.id(), session.title(), minutes, now));
        }
        return made == 1;
    }

    private long myMemberId() {
        return directory.memberIdOf(CurrentUser.name()).orElseThrow(() -> new UserError("live.no-member"));
    }
}
