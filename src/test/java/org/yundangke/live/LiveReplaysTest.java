package org.yundangke.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.yundangke.Logins;
import org.yundangke.TestTalks;
import org.yundangke.base.UserError;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonInfo;

/** A meeting-link session's organiser attaches the recording they uploaded: a published lesson, once, theirs only. */
@SpringBootTest
@ActiveProfiles("test")
@RecordApplicationEvents
class LiveReplaysTest {

    @Autowired
    ApplicationEvents events;

    @Autowired
    LiveSessions sessions;

    @Autowired
    LiveReplays replays;

    @Autowired
    Catalogue catalogue;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Logins logins;

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void the_organiser_attaches_an_uploaded_recording_as_the_replay_once() {
        logins.as("lecturer");
        Instant later = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
        LiveSession session = sessions.schedule(new LiveDraft("会议录像 " + UUID.randomUUID(), "周宣讲", "摘要", later,
                later.plus(Duration.ofMinutes(60)), LiveMode.LINK, "https://meeting.tencent.com/dm/abc", 60, Set.of()));
        jdbc.update("update live_session set starts_at = ?, ends_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofHours(2))),
                Timestamp.from(Instant.now().minus(Duration.ofHours(1))), session.id());
        UUID talk = TestTalks.ready(jdbc, "lecturer", "会议录像", 3600);

        logins.as("member");
        assertThatThrownBy(() -> replays.attach(session.id(), talk)).isInstanceOf(AccessDeniedException.class);
        logins.as("lecturer");
        UUID lesson = replays.attach(session.id(), talk);
        assertThat(sessions.find(session.id()).orElseThrow().replayLessonId()).isEqualTo(lesson);
        assertThat(events.stream(LiveReplayPublished.class)).contains(new LiveReplayPublished(session.id(), lesson));
        assertThatThrownBy(() -> replays.attach(session.id(), talk)).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.messageKey()).isEqualTo("live.replay.not-now"));

        logins.as("member");
        LessonInfo replay = catalogue.open(lesson);
        assertThat(replay.title()).isEqualTo(session.title());
        assertThat(replay.category()).isEqualTo("直播回放");
    }
}
