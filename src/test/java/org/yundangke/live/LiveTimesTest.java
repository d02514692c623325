package org.yundangke.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.Translations;

/** Times said as one would say them to an old member, in Beijing time. */
class LiveTimesTest {

    final Translations texts = new Translations();
    final Locale zh = Translations.CHINESE;
    final Instant now = beijing("2026-12-01T20:30"); // a Tuesday evening

    @Test
    void days_and_parts_of_the_day_in_words() {
        assertThat(LiveTimes.when(beijing("2026-12-01T21:00"), now, texts, zh)).isEqualTo("今天晚上 9:00");
        assertThat(LiveTimes.when(beijing("2026-12-02T09:00"), now, texts, zh)).isEqualTo("明天上午 9:00");
        assertThat(LiveTimes.when(beijing("2026-12-03T14:30"), now, texts, zh)).isEqualTo("后天下午 2:30");
        assertThat(LiveTimes.when(beijing("2026-12-05T12:05"), now, texts, zh)).isEqualTo("12月5日（星期六）中午 12:05");
        assertThat(LiveTimes.when(beijing("2026-12-02T09:00"), now, texts, Locale.ENGLISH))
                .isEqualTo("Tomorrow 9:00 in the morning");
        assertThat(LiveTimes.span(beijing("2026-12-02T09:00"), beijing("2026-12-02T10:30"), now, texts, zh))
                .isEqualTo("时间：明天上午 9:00 到 上午 10:30");
    }

    @Test
    void how_long_until_it_begins() {
        assertThat(LiveTimes.countdown(session("2026-12-01T20:45", "2026-12-01T21:45"), now, texts, zh))
                .isEqualTo("还有 15 分钟开始");
        assertThat(LiveTimes.countdown(session("2026-12-02T09:00", "2026-12-02T10:00"), now, texts, zh))
                .isEqualTo("还有 12 小时 30 分钟开始");
        assertThat(LiveTimes.countdown(session("2026-12-04T09:00", "2026-12-04T10:00"), now, texts, zh))
                .isEqualTo("还有 3 天开始");
        assertThat(LiveTimes.countdown(session("2026-12-01T20:00", "2026-12-01T21:00"), now, texts, zh))
                .isEqualTo("正在直播");
        assertThat(LiveTimes.countdown(session("2026-12-01T19:00", "2026-12-01T20:00"), now, texts, zh))
                .isEqualTo("已结束");
    }

    private static LiveSession session(String start, String end) {
        return new LiveSession(UUID.randomUUID(), "报告会", "周宣讲", "", beijing(start), beijing(end), LiveMode.LINK,
                "https://meeting.tencent.com/dm/1", 60, true, Set.of(), null, null, false, "lecturer", false);
    }

    private static Instant beijing(String local) {
        return LocalDateTime.parse(local).atZone(StudyCalendar.ZONE).toInstant();
    }
}
