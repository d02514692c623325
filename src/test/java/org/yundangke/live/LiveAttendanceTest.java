package org.yundangke.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
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
import org.yundangke.Logins;
import org.yundangke.MovingClock;
import org.yundangke.TransactionalProxy;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.UserError;
import org.yundangke.org.MemberAccount;
import org.yundangke.org.OrgDirectory;

/**
 * Attendance by the server's clock: a meeting link's check-in only while it is on, presence in the app counted in
 * slots (two devices once), group watching recorded by a secretary, and one LiveAttended per member and session.
 */
@SpringBootTest
@ActiveProfiles("test")
@RecordApplicationEvents
class LiveAttendanceTest {

    @Autowired
    LiveSessions sessions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OrgDirectory directory;

    @Autowired
    LiveProperties properties;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Logins logins;

    @Autowired
    ApplicationEvents events;

    MovingClock clock;
    LiveAttendance attendance;
    long member;

    @BeforeEach
    void aClockToMove() {
        clock = new MovingClock(Instant.now());
        attendance = TransactionalProxy.of(new LiveAttendance(jdbc, sessions, directory, new StudyCalendar(clock),
                properties, publisher), transactions);
        logins.as("member");
        member = directory.memberIdOf("member").orElseThrow();
    }

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void a_check_in_counts_only_while_the_meeting_is_on_and_only_once() {
        LiveSession session = schedule(LiveMode.LINK, 60);
        logins.as("member");
        clock.set(session.startsAt().minus(Duration.ofMinutes(1)));
        assertThatThrownBy(() -> attendance.checkIn(session.id(), null)).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.messageKey()).isEqualTo("live.check-in.outside"));
        clock.set(session.startsAt().plus(Duration.ofMinutes(5)));
        attendance.checkIn(session.id(), null);
        attendance.checkIn(session.id(), null); // a second tap
        assertThat(attended(session)).singleElement().satisfies(a -> {
            assertThat(a.memberId()).isEqualTo(member);
            assertThat(a.minutes()).isEqualTo(60);
        });
        assertThat(attendance.mine(session.id()).attended()).isEqualTo(LiveAttendance.How.LINK);
        clock.set(session.endsAt().plus(Duration.ofSeconds(1)));
        LiveSession other = schedule(LiveMode.LINK, 60);
        logins.as("member");
        clock.set(other.endsAt());
        assertThatThrownBy(() -> attendance.checkIn(other.id(), null)).isInstanceOf(UserError.class);
    }

    @Test
    void a_session_with_a_check_word_takes_the_check_in_only_with_the_word_the_speaker_said() {
        logins.as("lecturer");
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        LiveSession session = sessions.schedule(new LiveDraft("口令签到 " + UUID.randomUUID(), "周宣讲", "", start,
                start.plus(Duration.ofMinutes(60)), LiveMode.LINK, "https://meeting.tencent.com/dm/abc", 60, Set.of(),
                "遵义会议"));
        assertThat(session.asksWord()).isTrue();
        logins.as("member");
        clock.set(start.plus(Duration.ofMinutes(20)));
        assertThatThrownBy(() -> attendance.checkIn(session.id(), null)).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.messageKey()).isEqualTo("live.check-in.word"));
        assertThatThrownBy(() -> attendance.checkIn(session.id(), "古田会议")).isInstanceOf(UserError.class);
        assertThat(attended(session)).isEmpty();
        attendance.checkIn(session.id(), " 遵义 会议 ");
        assertThat(attended(session)).hasSize(1);
    }

    @Test
    void a_session_for_another_area_earns_a_member_nothing() {
        logins.as("province");
        long elsewhere = jdbc.queryForObject("select min(c.id) from committee c where c.parent_id is not null"
                + " and c.id not in (select bc.committee_id from org_branch_committee bc join org_member_branch mb"
                + " on mb.branch_id = bc.branch_id join org_member_login l on l.member_id = mb.member_id"
                + " where l.username = 'member')", Long.class);
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        LiveSession link = sessions.schedule(new LiveDraft("别处的报告会 " + UUID.randomUUID(), "周宣讲", "", start,
                start.plus(Duration.ofMinutes(60)), LiveMode.LINK, "https://meeting.tencent.com/dm/abc", 60,
                Set.of(elsewhere)));
        LiveSession app = sessions.schedule(new LiveDraft("别处的直播 " + UUID.randomUUID(), "周宣讲", "", start,
                start.plus(Duration.ofMinutes(60)), LiveMode.APP, null, 1, Set.of(elsewhere)));
        logins.as("member");
        clock.set(start.plus(Duration.ofMinutes(10)));
        streamSeen(app);
        assertThatThrownBy(() -> attendance.checkIn(link.id(), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> attendance.present(app.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(attended(link)).isEmpty();
        assertThat(attended(app)).isEmpty();
    }

    @Test
    void presence_in_the_app_counts_each_slot_once_whatever_the_devices_and_attends_at_the_share() {
        LiveSession session = schedule(LiveMode.APP, 50); // 60 minutes: 30 count
        logins.as("member");
        clock.set(session.startsAt().minus(Duration.ofSeconds(30)));
        assertThat(attendance.present(session.id())).as("before the start").isFalse();
        clock.set(session.startsAt());
        assertThat(attendance.present(session.id())).as("no stream arriving: nothing to watch").isFalse();
        for (int i = 0; i < 6 * 29; i++) { // 29 minutes of reports every 10 s from a phone and a tablet
            streamSeen(session);
            assertThat(attendance.present(session.id())).isTrue();
            attendance.present(session.id());
            clock.advance(Duration.ofSeconds(10));
        }
        LiveAttendance.Mine mine = attendance.mine(session.id());
        assertThat(mine.presentSeconds()).isEqualTo(29 * 60);
        assertThat(mine.attended()).isNull();
        assertThat(attended(session)).isEmpty();
        clock.advance(Duration.ofMinutes(1)); // the stream stopped for a minute: reports count nothing
        assertThat(attendance.present(session.id())).isFalse();
        for (int i = 0; i < 6 * 2; i++) {
            streamSeen(session);
            attendance.present(session.id());
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(attended(session)).as("attended: the talk's length, as by link or in a group").singleElement()
                .satisfies(a -> assertThat(a.minutes()).isEqualTo(60));
        assertThat(attendance.mine(session.id()).attended()).isEqualTo(LiveAttendance.How.APP);
        clock.set(session.endsAt());
        assertThat(attendance.present(session.id())).as("after the end").isFalse();
        assertThat(attended(session)).hasSize(1);
    }

    @Test
    void a_secretary_records_group_watching_for_members_of_their_branch_with_or_without_a_login() {
        LiveSession session = schedule(LiveMode.LINK, 60);
        logins.as("secretary");
        long branch = directory.currentActor().ledBranchIds().iterator().next();
        List<MemberAccount> members = directory.memberAccountsOf(branch);
        long withLogin = members.stream().filter(m -> "member".equals(m.username())).findFirst().orElseThrow()
                .memberId();
        long withoutLogin = members.stream().filter(m -> m.username() == null).findFirst().orElseThrow().memberId();
        clock.set(session.startsAt().minus(Duration.ofMinutes(10)));
        assertThatThrownBy(() -> attendance.recordGroup(session.id(), branch, List.of(withoutLogin)))
                .isInstanceOfSatisfying(UserError.class,
                        e -> assertThat(e.messageKey()).isEqualTo("live.group.not-begun"));
        clock.set(session.startsAt().plus(Duration.ofMinutes(10)));
        assertThat(attendance.recordGroup(session.id(), branch, List.of(withLogin, withoutLogin))).isEqualTo(2);
        assertThat(attendance.recordGroup(session.id(), branch, List.of(withLogin))).as("once").isZero();
        assertThat(attended(session)).extracting(LiveAttended::memberId)
                .containsExactlyInAnyOrder(withLogin, withoutLogin);
        assertThat(attendance.attendedOf(session.id(), branch)).containsExactlyInAnyOrder(withLogin, withoutLogin);

        long otherBranch = jdbc.queryForObject("select min(id) from branch where id <> ?", Long.class, branch);
        assertThatThrownBy(() -> attendance.recordGroup(session.id(), otherBranch, List.of()))
                .isInstanceOf(AccessDeniedException.class);
        clock.set(session.endsAt().plus(Duration.ofDays(8)));
        assertThatThrownBy(() -> attendance.recordGroup(session.id(), branch, List.of(withoutLogin)))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("live.group.too-late"));
        clock.set(session.startsAt().plus(Duration.ofMinutes(10)));
        long stranger = jdbc.queryForObject("select min(member_id) from org_member_branch where member_id not in"
                + " (select member_id from org_member_branch where branch_id = ?)", Long.class, branch);
        assertThatThrownBy(() -> attendance.recordGroup(session.id(), branch, List.of(stranger)))
                .isInstanceOf(AccessDeniedException.class);
    }

    /** What the ingest notes every few seconds while the stream arrives. */
    private void streamSeen(LiveSession session) {
        jdbc.update("update live_session set stream_seen_at = ? where id = ?", java.sql.Timestamp.from(clock.instant()),
                session.id());
    }

    private LiveSession schedule(LiveMode mode, int percent) {
        logins.as("lecturer");
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        return sessions.schedule(new LiveDraft("网上报告会 " + UUID.randomUUID(), "周宣讲", "", start,
                start.plus(Duration.ofMinutes(60)), mode, mode == LiveMode.LINK ? "https://meeting.tencent.com/dm/abc"
                        : null, percent, Set.of()));
    }

    private List<LiveAttended> attended(LiveSession session) {
        return events.stream(LiveAttended.class).filter(a -> a.liveId().equals(session.id())).toList();
    }
}
