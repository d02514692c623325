package org.yundangke.live;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.annotations.Recurring;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.StudyCalendar;

/**
 * In-app reminders a day and 15 minutes before a session, to every member it is meant for. A JobRunr recurring job
 * (stored in the database, so it survives a restart and runs on one node at a time) sends what is due each minute;
 * a reminder whose moment passed while the app was down still goes out if the session has not begun, and the
 * notices' key makes a second run change nothing.
 */
@Service
public class LiveReminders {

    /** A reminder the caller has not read yet. */
    public record Notice(UUID sessionId, String title, Instant startsAt, String kind) {
    }

    static final String DAY = "DAY";
    static final String SOON = "SOON";
    static final Duration DAY_BEFORE = Duration.ofHours(24);
    static final Duration SOON_BEFORE = Duration.ofMinutes(15);

    private final JdbcTemplate jdbc;
    private final StudyCalendar calendar;

    LiveReminders(JdbcTemplate jdbc, StudyCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    @Recurring(id = "live-reminders", cron = "* * * * *")
    @Job(name = "Live session reminders")
    @Transactional
    public void sendDue() {
        Instant now = calendar.now();
        send(DAY, now.plus(SOON_BEFORE), now.plus(DAY_BEFORE), now);
        send(SOON, now, now.plus(SOON_BEFORE), now);
    }

    /** One statement per kind: every audience member of every session starting in (from, to] without this notice. */
    private void send(String kind, Instant from, Instant to, Instant now) {
        jdbc.update("insert into live_notice (session_id, username, kind, created_at)"
                + " select s.id, l.username, ?, ? from live_session s cross join org_member_login l"
                + " where not s.cancelled and s.starts_at > ? and s.starts_at <= ?"
                + " and (s.everyone or exists (select 1 from live_audience a"
                + " join org_branch_committee bc on bc.committee_id = a.committee_id"
                + " join org_member_branch mb on mb.branch_id = bc.branch_id"
                + " where a.session_id = s.id and mb.member_id = l.member_id))"
                + " and not exists (select 1 from live_notice n where n.session_id = s.id and n.username = l.username"
                + " and n.kind = ?)", kind, Timestamp.from(now), Timestamp.from(from), Timestamp.from(to), kind);
    }

    /** The caller's unread reminders of sessions not yet over, the soonest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Notice> unread() {
        return jdbc.query("select n.session_id, s.title, s.starts_at, n.kind from live_notice n"
                + " join live_session s on s.id = n.session_id where n.username = ? and n.read_at is null"
                + " and not s.cancelled and s.ends_at > ? order by s.starts_at, n.kind desc",
                (rs, i) -> new Notice(rs.getObject("session_id", UUID.class), rs.getString("title"),
                        rs.getObject("starts_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("kind")),
                CurrentUser.name(), Timestamp.from(calendar.now()));
    }

    /** The caller saw the session's page: its reminders are read. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void read(UUID sessionId) {
        jdbc.update("update live_notice set read_at = ? where session_id = ? and username = ? and read_at is null",
                Timestamp.from(calendar.now()), sessionId, CurrentUser.name());
    }
}
