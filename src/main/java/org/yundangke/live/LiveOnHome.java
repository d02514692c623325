package org.yundangke.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.Translations;
import org.yundangke.study.OnMemberHome;

/** A member's home shows the live sessions of the coming week: when, and "正在直播" while one is on. */
@Component
class LiveOnHome implements OnMemberHome {

    static final int SHOWN = 3;
    static final Duration AHEAD = Duration.ofDays(7);

    private final LiveSessions sessions;
    private final Translations texts;
    private final StudyCalendar calendar;

    LiveOnHome(LiveSessions sessions, Translations texts, StudyCalendar calendar) {
        this.sessions = sessions;
        this.texts = texts;
        this.calendar = calendar;
    }

    @Override
    public List<Card> cards(Locale locale) {
        Instant now = calendar.now();
        return sessions.upcomingForMe(SHOWN).stream().filter(s -> s.startsAt().isBefore(now.plus(AHEAD)))
                .map(s -> new Card(s.title(), s.state(now) == LiveState.LIVE ? LiveTimes.countdown(s, now, texts, locale)
                        : LiveTimes.when(s.startsAt(), now, texts, locale) + " · "
                        + LiveTimes.countdown(s, now, texts, locale), "live/" + s.id(), s.state(now) == LiveState.LIVE))
                .toList();
    }
}
