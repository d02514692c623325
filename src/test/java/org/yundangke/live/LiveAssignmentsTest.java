package org.yundangke.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
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
import org.yundangke.org.OrgDirectory;
import org.yundangke.study.AssignableWork;
import org.yundangke.study.Assignments;

/** A secretary assigns a live talk; the member has it to do until the session counts them as attended. */
@SpringBootTest
@ActiveProfiles("test")
class LiveAssignmentsTest {

    @Autowired
    LiveSessions sessions;

    @Autowired
    Assignments assignments;

    @Autowired
    OrgDirectory directory;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void an_assigned_live_talk_is_done_when_the_member_attended() {
        logins.as("lecturer");
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        LiveSession session = sessions.schedule(new LiveDraft("布置的报告会 " + UUID.randomUUID(), "周宣讲", "", start,
                start.plus(Duration.ofMinutes(60)), LiveMode.LINK, "https://meeting.tencent.com/dm/abc", 60, Set.of()));
        logins.as("secretary");
        long meiyuan = directory.currentActor().ledBranchIds().iterator().next();
        assertThat(assignments.workChoices()).extracting(AssignableWork.Work::id).contains(session.id());
        Assignments.Assignment made = assignments.assignWork(meiyuan, session.id(), null);

        logins.as("member");
        long member = directory.currentActor().memberId();
        assertThat(assignments.workToDo()).extracting(w -> w.work().id()).contains(session.id());
        assertThat(assignments.workToDo()).filteredOn(w -> w.work().id().equals(session.id())).singleElement()
                .satisfies(w -> assertThat(w.work().path()).isEqualTo("live/" + session.id()));
        jdbc.update("insert into live_attendance (session_id, member_id, how, minutes, attended_at, recorded_by)"
                + " values (?, ?, 'ONLINE', 60, ?, 'member')", session.id(), member, Timestamp.from(start));
        assertThat(assignments.workToDo()).extracting(w -> w.work().id()).doesNotContain(session.id());

        logins.as("secretary");
        assertThat(assignments.standings(made.id())).filteredOn(s -> s.member().memberId() == member).singleElement()
                .satisfies(s -> assertThat(s.finished()).isTrue());
        assignments.withdraw(made.id());
    }
}
