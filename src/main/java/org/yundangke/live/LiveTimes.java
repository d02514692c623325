package org.yundangke.live;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.Translations;

/**
 * Times of live sessions in plain words, as one would say them to an old member: "明天上午 9:00", "还有 2 小时 15 分钟",
 * "正在直播" — never a bare date-time stamp.
 */
public final class LiveTimes {

    private LiveTimes() {
    }

    /** When: "今天下午 3:00", "明天上午 9:00", "后天晚上 7:30", "12月5日（星期六）上午 9:00". */
    public static String when(Instant time, Instant now, Translations texts, Locale locale) {
        ZonedDateTime at = time.atZone(StudyCalendar.ZONE);
        LocalDate today = now.atZone(StudyCalendar.ZONE).toLocalDate();
        long days = ChronoUnit.DAYS.between(today, at.toLocalDate());
        String day = days == 0 ? texts.getTranslation("live.day.today", locale)
                : days == 1 ? texts.getTranslation("live.day.tomorrow", locale)
                : days == 2 ? texts.getTranslation("live.day.after-tomorrow", locale)
                : texts.getTranslation("live.day.date", locale, at.getMonthValue(), at.getDayOfMonth(),
                        texts.getTranslation("live.weekday." + at.getDayOfWeek().getValue(), locale));
        return texts.getTranslation("live.time", locale, day, part(at.getHour(), texts, locale), hm(at));
    }

    /** From when to when: the end as a clock time alone when it is the same day ("明天上午 9:00 到 上午 10:30"). */
    public static String span(Instant start, Instant end, Instant now, Translations texts, Locale locale) {
        boolean sameDay = start.atZone(StudyCalendar.ZONE).toLocalDate().equals(end.atZone(StudyCalendar.ZONE)
                .toLocalDate());
        String until = sameDay ? clock(end, texts, locale) : when(end, now, texts, locale);
        return texts.getTranslation("live.when", locale, when(start, now, texts, locale), until);
    }

    /** A clock time in words: "上午 10:30". */
    static String clock(Instant time, Translations texts, Locale locale) {
        ZonedDateTime at = time.atZone(StudyCalendar.ZONE);
        return texts.getTranslation("live.time", locale, "", part(at.getHour(), texts, locale), hm(at)).strip();
    }

    private static String part(int hour, Translations texts, Locale locale) {
        return texts.getTranslation(hour < 6 ? "live.part.night" : hour < 12 ? "live.part.morning"
                : hour == 12 ? "live.part.noon" : hour < 18 ? "live.part.afternoon" : "live.part.evening", locale);
    }

    private static String hm(ZonedDateTime at) {
        int shown = at.getHour() % 12 == 0 ? 12 : at.getHour() % 12;
        return shown + ":" + String.format("%02d", at.getMinute());
    }

    /** How long until it begins, or that it is on, over or called off. */
    public static String countdown(LiveSession session, Instant now, Translations texts, Locale locale) {
        return switch (session.state(now)) {
            case LIVE -> texts.getTranslation("live.state.live", locale);
            case ENDED -> texts.getTranslation("live.state.ended", locale);
            case CANCELLED -> texts.getTranslation("live.state.cancelled", locale);
            case UPCOMING -> {
                Duration left = Duration.between(now, session.startsAt());
                long minutes = Math.max(1, (left.toSeconds() + 59) / 60);
                yield minutes < 60 ? texts.getTranslation("live.starts-in.minutes", locale, minutes)
                        : minutes < 24 * 60 ? texts.getTranslation("live.starts-in.hours", locale, minutes / 60,
                                minutes % 60)
                        : texts.getTranslation("live.starts-in.days", locale, (minutes + 24 * 60 - 1) / (24 * 60));
            }
        };
    }
}
