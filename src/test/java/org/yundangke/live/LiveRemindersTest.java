package org.yundangke.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Logins;
import org.yundangke.MovingClock;
import org.yundangke.base.StudyCalendar;

/**
 * Reminders a day and 15 minutes before, sent by the minute's job with a clock the test moves: at the right moments,
 * once each, still after a restart (a new instance, everything it needs in the database), never for a cancelled
 * session or members it is not for.
 */
@SpringBootTest
@ActiveProfiles("test")
class LiveRemindersTest {

    @Autowired
    LiveSessions sessions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Logins logins;

    final MovingClock clock = new MovingClock(Instant.now());

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void a_day_before_and_fifteen_minutes_before_once_each_and_after_a_restart_too() {
        LiveSession session = schedule(Set.of());
        clock.set(session.startsAt().minus(Duration.ofHours(25)));
        node().sendDue();
        assertThat(notices(session, "member")).isEmpty();

        clock.set(session.startsAt().minus(Duration.ofHours(23)));
        LiveReminders first = node();
        first.sendDue();
        first.sendDue(); // the next minute
        assertThat(notices(session, "member")).containsExactly(LiveReminders.DAY);
        logins.as("member");
        assertThat(first.unread()).extracting(LiveReminders.Notice::sessionId).contains(session.id());

        // the app was down from then until 10 minutes before the start: the restarted node sends what is due
        clock.set(session.startsAt().minus(Duration.ofMinutes(10)));
        node().sendDue();
        assertThat(notices(session, "member")).containsExactlyInAnyOrder(LiveReminders.DAY, LiveReminders.SOON);

        clock.set(session.startsAt().plus(Duration.ofMinutes(1)));
        node().sendDue();
        assertThat(notices(session, "member")).hasSize(2);
        first.read(session.id());
        assertThat(first.unread()).extracting(LiveReminders.Notice::sessionId).doesNotContain(session.id());
    }

    @Test
    void no_reminder_for_a_cancelled_session_or_a_member_it_is_not_for() {
        LiveSession cancelled = schedule(Set.of());
        logins.as("lecturer");
        sessions.cancel(cancelled.id());
        long elsewhere = jdbc.queryForObject("select min(c.id) from committee c where c.parent_id is not null"
                + " and c.id not in (select bc.committee_id from org_branch_committee bc join org_member_branch mb"
                + " on mb.branch_id = bc.branch_id join org_member_login l on l.member_id = mb.member_id"
                + " where l.username = 'member')", Long.class);
        long members = jdbc.queryForObject("select max(bc.committee_id) from org_branch_committee bc"
                + " join org_member_branch mb on mb.branch_id = bc.branch_id join org_member_login l"
                + " on l.member_id = mb.member_id where l.username = 'member'", Long.class);
        LiveSession notForMember = schedule(Set.of(elsewhere));
        LiveSession forMembersArea = schedule(Set.of(members));
        clock.set(cancelled.startsAt().minus(Duration.ofMinutes(5)));
        node().sendDue();
        assertThat(notices(cancelled, "member")).isEmpty();
        assertThat(notices(notForMember, "member")).isEmpty();
        assertThat(notices(forMembersArea, "member")).containsExactly(LiveReminders.SOON);
    }

    /** A node of the app as it starts: nothing in memory, the clock of the test. */
    private LiveReminders node() {
        return new LiveReminders(jdbc, new StudyCalendar(clock));
    }

    private LiveSession schedule(Set<Long> audience) {
        logins.as(audience.isEmpty() ? "lecturer" : "province");
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        LiveSession session = sessions.schedule(new LiveDraft("提醒测试 " + UUID.randomUUID(), "周宣讲", "", start,
                start.plus(Duration.ofHours(1)), LiveMode.LINK, "https://meeting.tencent.com/dm/abc", 60, audience));
        logins.logout();
        return session;
    }

    private java.util.List<String> notices(LiveSession session, String username) {
        return jdbc.queryForList("select kind from live_notice where session_id = ? and username = ?", String.class,
                session.id(), username);
    }
}
