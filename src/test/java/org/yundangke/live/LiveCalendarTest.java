package org.yundangke.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.AppSession;
import org.yundangke.Logins;

/**
 * The calendar files read back with ical4j: a member's private feed holds their sessions with an alarm and nobody
 * else's, answers no one without the right token (nor the old one after a renewal), and one session's .ics is for
 * logged-in members.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LiveCalendarTest {

    @LocalServerPort
    int port;

    @Autowired
    LiveSessions sessions;

    @Autowired
    LiveCalendar calendar;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Logins logins;

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void the_feed_holds_the_members_sessions_with_an_alarm_and_only_for_its_token() throws Exception {
        LiveSession forAll = schedule("全体党员报告会", Set.of());
        long elsewhere = jdbc.queryForObject("select min(c.id) from committee c where c.parent_id is not null"
                + " and c.id not in (select bc.committee_id from org_branch_committee bc join org_member_branch mb"
                + " on mb.branch_id = bc.branch_id join org_member_login l on l.member_id = mb.member_id"
                + " where l.username = 'member')", Long.class);
        LiveSession notForMember = schedule("别处的报告会", Set.of(elsewhere));
        logins.as("member");
        String token = calendar.feedToken();
        assertThat(calendar.feedToken()).as("the same until renewed").isEqualTo(token);

        AppSession calendarApp = AppSession.anonymous(port);
        HttpResponse<String> feed = calendarApp.get("/calendar/feed/" + token + ".ics");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        Calendar parsed = new CalendarBuilder().build(new StringReader(feed.body()));
        List<VEvent> events = parsed.getComponents("VEVENT");
        assertThat(events).extracting(e -> e.getUid().orElseThrow().getValue())
                .contains(forAll.id() + "@yundangke").doesNotContain(notForMember.id() + "@yundangke");
        VEvent event = events.stream().filter(e -> e.getUid().orElseThrow().getValue().startsWith(forAll.id().toString()))
                .findFirst().orElseThrow();
        assertThat(event.getSummary().getValue()).isEqualTo(forAll.title());
        assertThat(Instant.from(event.getStartDate().orElseThrow().getDate())).isEqualTo(forAll.startsAt());
        List<VAlarm> alarms = event.getAlarms();
        assertThat(alarms).singleElement().satisfies(a -> assertThat(a.getTrigger().orElseThrow().getDuration())
                .isEqualTo(Duration.ofMinutes(-15)));
        assertThat(event.getLocation().getValue()).isEqualTo("https://meeting.tencent.com/dm/abc");

        assertThat(calendarApp.get("/calendar/feed/" + token + "x.ics").statusCode()).isEqualTo(404);
        assertThat(calendarApp.get("/calendar/feed/.ics").statusCode()).isIn(403, 404);
        String renewed = calendar.renewFeedToken();
        assertThat(calendarApp.get("/calendar/feed/" + token + ".ics").statusCode()).as("the old address")
                .isEqualTo(404);
        assertThat(calendarApp.get("/calendar/feed/" + renewed + ".ics").statusCode()).isEqualTo(200);
    }

    @Test
    void one_sessions_ics_is_for_logged_in_members_it_is_meant_for() throws Exception {
        LiveSession session = schedule("加入日历的报告会", Set.of());
        AppSession member = AppSession.login(port, "member", "demo1234");
        HttpResponse<String> ics = member.get("/calendar/session/" + session.id() + ".ics");
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        Calendar parsed = new CalendarBuilder().build(new StringReader(ics.body()));
        assertThat(parsed.<VEvent>getComponents("VEVENT")).singleElement()
                .satisfies(e -> assertThat(e.getAlarms()).hasSize(1));
        assertThat(AppSession.anonymous(port).get("/calendar/session/" + session.id() + ".ics").statusCode())
                .as("no login: sent to log in").isIn(302, 401);
    }

    private LiveSession schedule(String title, Set<Long> audience) {
        logins.as(audience.isEmpty() ? "lecturer" : "province");
        Instant start = Instant.now().plus(Duration.ofDays(4)).truncatedTo(ChronoUnit.HOURS);
        LiveSession session = sessions.schedule(new LiveDraft(title + " " + UUID.randomUUID().toString().substring(0, 6),
                "周宣讲", "", start, start.plus(Duration.ofHours(1)), LiveMode.LINK,
                "https://meeting.tencent.com/dm/abc", 60, audience));
        logins.logout();
        return session;
    }
}
