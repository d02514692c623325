package org.yundangke.live;

import java.net.URI;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Action;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.Translations;

/**
 * Live sessions in members' own calendars (ical4j): a private feed per member that phone and PC calendars subscribe
 * to (the token in its URL is the only key, so it can be replaced), and one session as an .ics to add, each event with
 * an alarm 15 minutes before.
 */
@Service
@Transactional(readOnly = true)
public class LiveCalendar {

    static final Duration ALARM_BEFORE = Duration.ofMinutes(15);
    /** A feed shows what is coming and what was in the last month. */
    static final Duration FEED_PAST = Duration.ofDays(31);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final LiveSessions sessions;
    private final Translations translations;
    private final StudyCalendar calendar;

    LiveCalendar(JdbcTemplate jdbc, LiveSessions sessions, Translations translations, StudyCalendar calendar) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.translations = translations;
        this.calendar = calendar;
    }

    /** The caller's feed token, made on first use. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public String feedToken() {
        List<String> existing = jdbc.queryForList("select token from live_feed where username = ?", String.class,
                CurrentUser.name());
        if (!existing.isEmpty()) {
            return existing.getFirst();
        }
        // another tab making it at the same moment wins; its token is read below
        jdbc.update("insert into live_feed (username, token, created_at) values (?, ?, ?) on conflict do nothing",
                CurrentUser.name(), newToken(), Timestamp.from(calendar.now()));
        return jdbc.queryForObject("select token from live_feed where username = ?", String.class, CurrentUser.name());
    }

    /** A new token: calendars subscribed with the old address stop getting the sessions. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public String renewFeedToken() {
        feedToken();
        String token = newToken();
        jdbc.update("update live_feed set token = ?, created_at = ? where username = ?", token,
                Timestamp.from(calendar.now()), CurrentUser.name());
        return token;
    }

    /** The feed behind a token: the member's sessions, cancelled ones marked so; empty for an unknown token. */
    public Optional<String> feed(String token, String appUrl) {
        List<String> user = jdbc.queryForList("select username from live_feed where token = ?", String.class, token);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Calendar feed = newCalendar();
        feed.add(new XProperty("X-WR-CALNAME", text("live.calendar.name")));
        sessions.meantFor(user.getFirst(), calendar.now().minus(FEED_PAST))
                .forEach(s -> feed.add(event(s, appUrl)));
        return Optional.of(feed.toString());
    }

    /** One session the caller may see, as an .ics file with its alarm. */
    @PreAuthorize("isAuthenticated()")
    public String ics(UUID sessionId, String appUrl) {
        Calendar one = newCalendar();
        one.add(event(sessions.open(sessionId), appUrl));
        return one.toString();
    }

    private VEvent event(LiveSession session, String appUrl) {
        String page = appUrl + "/live/" + session.id();
        VEvent event = new VEvent(session.startsAt(), session.endsAt(), session.title());
        event.add(new Uid(session.id() + "@yundangke"));
        event.add(new Description(text("live.calendar.description", session.speaker(), session.summary(), page)));
        event.add(new Location(session.mode() == LiveMode.LINK && session.joinUrl() != null ? session.joinUrl()
                : page));
        event.add(new Url(URI.create(page)));
        if (session.cancelled()) {
            event.add(new Status(Status.VALUE_CANCELLED));
        }
        VAlarm alarm = new VAlarm(ALARM_BEFORE.negated());
        alarm.add(new Action(Action.VALUE_DISPLAY));
        alarm.add(new Description(text("live.calendar.alarm", session.title())));
        event.add(alarm);
        return event;
    }

    private static Calendar newCalendar() {
        return new Calendar().withProdId("-//Yundangke//Live//ZH").withDefaults().getFluentTarget();
    }

    private String text(String key, Object... args) {
        return translations.getTranslation(key, Translations.CHINESE, args);
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
