package org.yundangke.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Logins;
import org.yundangke.base.UserError;
import org.yundangke.org.CommitteeInfo;
import org.yundangke.org.OrgDirectory;

/**
 * Scheduling refuses what cannot be right, with a message; an admin's session goes to their own area unless they
 * choose, and only the author or an admin whose area holds the audience sees the stream key or cancels it.
 */
@SpringBootTest
@ActiveProfiles("test")
class LiveSessionsTest {

    @Autowired
    LiveSessions sessions;

    @Autowired
    OrgDirectory directory;

    @Autowired
    Logins logins;

    final Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void what_cannot_be_right_is_refused_with_a_message() {
        logins.as("lecturer");
        Instant now = Instant.now();
        assertRefused(draft(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)), LiveMode.LINK,
                "https://meeting.tencent.com/dm/1"), "live.invalid.past");
        assertRefused(draft(start, start.minus(Duration.ofMinutes(1)), LiveMode.LINK, "https://meeting.tencent.com/dm/1"),
                "live.invalid.time");
        assertRefused(draft(start, start.plus(Duration.ofHours(9)), LiveMode.LINK, "https://meeting.tencent.com/dm/1"),
                "live.invalid.time");
        assertRefused(draft(start, start.plus(Duration.ofHours(1)), LiveMode.LINK, "meeting.tencent.com/dm/1"),
                "live.invalid.url");
        assertRefused(draft(start, start.plus(Duration.ofHours(1)), LiveMode.LINK, "javascript:alert(1)"),
                "live.invalid.url");
        assertThatThrownBy(() -> sessions.schedule(new LiveDraft("有受众的报告会", "周宣讲", "", start,
                start.plus(Duration.ofHours(1)), LiveMode.LINK, "https://meeting.tencent.com/dm/1", 60, Set.of(1L))))
                .as("a lecturer has no area to aim at").isInstanceOf(AccessDeniedException.class);
        logins.as("member");
        assertThatThrownBy(() -> sessions.schedule(draft(start, start.plus(Duration.ofHours(1)), LiveMode.LINK,
                "https://meeting.tencent.com/dm/1"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_admins_session_goes_to_their_area_and_only_who_may_manage_it_sees_its_key() {
        logins.as("admin"); // Nanjing
        LiveSession nanjing = sessions.schedule(draft(start, start.plus(Duration.ofHours(1)), LiveMode.APP, null));
        CommitteeInfo own = directory.committeesInScope().getFirst();
        assertThat(nanjing.everyone()).isFalse();
        assertThat(nanjing.audience()).containsExactly(own.id());
        assertThat(sessions.ingest(nanjing.id()).streamKey()).hasSize(40);

        logins.as("lecturer");
        LiveSession forAll = sessions.schedule(draft(start, start.plus(Duration.ofHours(1)), LiveMode.APP, null));
        logins.as("admin");
        assertThatThrownBy(() -> sessions.ingest(forAll.id())).as("a city admin and a session for everyone")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sessions.cancel(forAll.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(sessions.mine()).extracting(LiveSession::id).contains(nanjing.id()).doesNotContain(forAll.id());
        logins.as("province");
        assertThat(sessions.ingest(forAll.id()).streamKey()).isEqualTo(sessionsKey(forAll));
        assertThat(sessions.ingest(nanjing.id()).srtUrl()).contains("?passphrase=");
        logins.as("member");
        assertThatThrownBy(() -> sessions.ingest(nanjing.id())).isInstanceOf(AccessDeniedException.class);
    }

    private String sessionsKey(LiveSession session) {
        logins.as("lecturer");
        String key = sessions.ingest(session.id()).streamKey();
        logins.as("province");
        return key;
    }

    private LiveDraft draft(Instant from, Instant to, LiveMode mode, String url) {
        return new LiveDraft("报告会 " + UUID.randomUUID().toString().substring(0, 6), "周宣讲", "", from, to, mode, url,
                60, Set.of());
    }

    private void assertRefused(LiveDraft draft, String key) {
        assertThatThrownBy(() -> sessions.schedule(draft)).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}
