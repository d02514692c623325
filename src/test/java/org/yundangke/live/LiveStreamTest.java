package org.yundangke.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yundangke.Chromium;
import org.yundangke.Logins;
import org.yundangke.base.storage.ObjectBytes;
import org.yundangke.base.storage.ObjectStoreProperties;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.media.FfmpegTools;
import org.springframework.test.context.ActiveProfiles;

/**
 * An in-app live session end to end, with a stream ffmpeg generates as OBS would send it: a wrong key is cut off, the
 * right one fills a live playlist in the object store that grows, Chromium plays it with the time advancing and its
 * presence reports make the member attended once, and after the end the recording is transcoded and published as a
 * lesson, the replay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jobrunr.background-job-server.enabled=true", "jobrunr.background-job-server.poll-interval-in-seconds=5"})
@ActiveProfiles("test")
class LiveStreamTest {

    @RegisterExtension
    static final Chromium.Session chromium = new Chromium.Session("--autoplay-policy=no-user-gesture-required");

    @LocalServerPort
    int port;

    @Autowired
    LiveSessions sessions;

    @Autowired
    LiveIngestSchedule schedule;

    @Autowired
    FfmpegTools ffmpeg;

    @Autowired
    ObjectBytes objects;

    @Autowired
    ObjectStoreProperties store;

    @Autowired
    Catalogue catalogue;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Logins logins;

    final List<Process> publishers = new ArrayList<>();

    @AfterEach
    void stopPublishers() {
        publishers.forEach(Process::destroyForcibly);
        logins.logout();
    }

    @Test
    void a_stream_pushed_with_the_key_plays_live_counts_attendance_and_becomes_the_replay() throws Exception {
        logins.as("lecturer");
        Instant start = Instant.now().plusSeconds(3);
        LiveSession session = sessions.schedule(new LiveDraft("在本平台直播 " + UUID.randomUUID().toString().substring(0, 6),
                "周宣讲", "推流测试", start, start.plus(Duration.ofMinutes(10)), LiveMode.APP, null, 1, Set.of()));
        LiveSessions.Ingest ingest = sessions.ingest(session.id());
        logins.logout();
        schedule.tick();
        UUID media = jdbc.queryForObject("select media_id from live_session where id = ?", UUID.class, session.id());
        String playlist = "media/" + media + "/hls/live/index.m3u8";
        Thread.sleep(2000); // the listener starting

        Process wrong = publish(ingest.serverUrl() + "/not-the-key", 20);
        assertThat(wrong.waitFor(15, TimeUnit.SECONDS)).as("a wrong key is cut off").isTrue();
        assertThat(wrong.exitValue()).isNotZero();
        assertThat(exists(playlist)).as("nothing of the wrong stream is served").isFalse();

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
            publish(ingest.fullUrl(), 60); // the listener may still be restarting after the refusal: try again
            Thread.sleep(3000);
            return publishers.getLast().isAlive();
        });
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> exists(playlist));
        int segments = segments(playlist);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> segments(playlist) > segments);
        Process second = publish(ingest.fullUrl(), 5);
        assertThat(second.waitFor(10, TimeUnit.SECONDS)).as("a second publisher is refused").isTrue();
        assertThat(second.exitValue()).isNotZero();
        Process wrongSrt = publish(ingest.srtUrl().replace(ingest.streamKey(), "wrong-passphrase-0123"), 5);
        assertThat(wrongSrt.waitFor(10, TimeUnit.SECONDS)).as("SRT refuses a wrong passphrase").isTrue();
        assertThat(wrongSrt.exitValue()).isNotZero();
        Process secondSrt = publish(ingest.srtUrl(), 30);
        assertThat(secondSrt.waitFor(20, TimeUnit.SECONDS)).as("the right key over SRT while RTMP is received")
                .isTrue();
        assertThat(secondSrt.exitValue()).isNotZero();

        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            page.setDefaultTimeout(60_000);
            page.navigate("http://localhost:" + port + "/login");
            Chromium.logIn(page, "member", "demo1234");
            page.waitForURL(url -> url.contains("/member"));
            page.navigate("http://localhost:" + port + "/live/" + session.id());
            page.waitForSelector("ydk-player video");
            page.evaluate("() => { document.querySelector('ydk-player video').muted = true; }");
            page.locator(".ydk-player-play").click();
            page.waitForFunction("() => document.querySelector('ydk-player video').currentTime > 1");
            double first = ((Number) page.evaluate("() => document.querySelector('ydk-player video').currentTime"))
                    .doubleValue();
            page.waitForFunction("t => document.querySelector('ydk-player video').currentTime > t + 2", first);
            long member = jdbc.queryForObject("select member_id from org_member_login where username = 'member'",
                    Long.class);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from"
                    + " live_attendance where session_id = ? and member_id = ? and how = 'APP'", Integer.class,
                    session.id(), member) == 1);
        }

        publishers.forEach(Process::destroy);
        for (Process publisher : publishers) {
            publisher.waitFor(10, TimeUnit.SECONDS);
        }
        // the session ended (and the ingest's grace after it) half an hour ago
        jdbc.update("update live_session set starts_at = ?, ends_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofMinutes(50))),
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofMinutes(31))), session.id());
        schedule.tick();
        assertThat(exists(playlist)).as("the live segments are gone").isFalse();
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            schedule.tick();
            return sessions.find(session.id()).orElseThrow().replayLessonId() != null;
        });
        logins.as("member");
        LessonInfo replay = catalogue.open(sessions.find(session.id()).orElseThrow().replayLessonId());
        assertThat(replay.title()).isEqualTo(session.title());
        assertThat(replay.mediaId()).isEqualTo(media);
        assertThat(replay.durationSeconds()).isGreaterThan(5);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("select count(*) from"
                + " credit_replay where lesson_id = ? and live_id = ?", Integer.class, replay.id(), session.id()) == 1);
    }

    /** ffmpeg pushing a test picture and tone for {@code seconds}, as OBS would (H.264 and AAC in FLV over RTMP). */
    private Process publish(String url, int seconds) throws IOException {
        String binary = ffmpeg.ffmpegPath().toString();
        ProcessBuilder builder = new ProcessBuilder(binary, "-hide_banner", "-loglevel", "error", "-re",
                "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
                "-t", String.valueOf(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-g", "25",
                "-pix_fmt", "yuv420p", "-c:a", "aac", "-f", url.startsWith("srt:") ? "mpegts" : "flv",
                url.replace("localhost", "127.0.0.1"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("LD_LIBRARY_PATH", ffmpeg.ffmpegPath().getParent().toString());
        Process process = builder.start();
        publishers.add(process);
        return process;
    }

    private boolean exists(String object) {
        try {
            objects.read(store.mediaBucket(), object);
            return true;
        } catch (RuntimeException missing) {
            return false;
        }
    }

    private int segments(String playlist) {
        return (int) new String(objects.read(store.mediaBucket(), playlist), StandardCharsets.UTF_8).lines()
                .filter(l -> l.endsWith(".ts")).count();
    }
}
