package org.yundangke.study.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.AppSession;
import org.yundangke.Chromium;
import org.yundangke.Logins;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonDraft;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.media.MediaBench;
import org.yundangke.study.StudyProgress;

/**
 * A member plays a lesson for ~20 s in Chromium, reloads, and the player resumes within 5 s of where it stopped;
 * what was played is on the server as unique study time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ResumeBrowserTest {

    @RegisterExtension
    static final Chromium.Session chromium = new Chromium.Session("--autoplay-policy=no-user-gesture-required");

    @LocalServerPort
    int port;

    @Autowired
    MediaBench media;

    @Autowired
    Catalogue catalogue;

    @Autowired
    StudyProgress progress;

    @Autowired
    org.yundangke.media.MediaLibrary mediaLibrary;

    @Autowired
    Logins logins;

    @TempDir
    Path dir;

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void a_member_resumes_a_lesson_after_a_reload_and_the_watched_time_counts() throws Exception {
        Path talk = media.make(dir.resolve("talk-40s.mp4"), "-f", "lavfi", "-i", "testsrc2=duration=40:size=640x360:rate=25",
                "-f", "lavfi", "-i", "sine=duration=40", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac",
                "-shortest");
        UUID mediaId = media.uploadAndTranscode(AppSession.login(port, "lecturer", "demo1234"), Files.readAllBytes(talk));
        logins.as("lecturer");
        LessonInfo lesson = catalogue.createDraft(new LessonDraft(mediaId, "续播测试 " + mediaId.toString().substring(0, 4),
                "周宣讲", "", "党史学习", Set.of()));
        catalogue.publish(lesson.id());
        mediaLibrary.attachCaptions(mediaId, ("WEBVTT\n\n00:00:00.000 --> 00:00:40.000\n同志们好，今天我们学习党史。\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        try (BrowserContext context = chromium.browser().newContext()) {
            Page page = context.newPage();
            page.setDefaultTimeout(60_000);
            java.util.List<String> blocked = new java.util.ArrayList<>();
            page.onConsoleMessage(m -> {
                if (m.text().contains("Content Security Policy")) {
                    blocked.add(m.text());
                }
            });
            page.navigate("http://localhost:" + port + "/login");
            Chromium.logIn(page, "member", "demo1234");
            page.waitForURL(url -> url.contains("/member"));
            page.navigate("http://localhost:" + port + "/lessons/" + lesson.id());
            page.waitForSelector("ydk-player video");
            page.evaluate("() => { document.querySelector('ydk-player video').muted = true; }");
            page.locator(".ydk-player-play").click(); // the one big play button
            page.waitForFunction("() => document.querySelector('.ydk-player-play').textContent.includes('暂停')");
            page.waitForFunction("() => document.querySelector('ydk-player video').currentTime > 20",
                    null, new Page.WaitForFunctionOptions().setTimeout(60_000));
            assertThat(page.evaluate("() => { const t = document.querySelector('ydk-player video').textTracks[0];"
                    + " return t.mode + ' ' + (t.cues ? t.cues.length : 0) + ' ' + (t.activeCues && t.activeCues[0]"
                    + " ? t.activeCues[0].text : ''); }")).as("captions shown from the start")
                    .isEqualTo("showing 1 同志们好，今天我们学习党史。");
            double before = ((Number) page.evaluate("() => document.querySelector('ydk-player video').currentTime"))
                    .doubleValue();

            page.reload(); // the page goes away: the last spans leave by beacon
            page.waitForSelector("ydk-player video");
            page.waitForFunction("() => document.querySelector('ydk-player video').readyState >= 1"
                    + " && document.querySelector('ydk-player video').currentTime > 0");
            double resumed = ((Number) page.evaluate("() => document.querySelector('ydk-player video').currentTime"))
                    .doubleValue();
            assertThat(resumed).as("resumed at %.1f after stopping at %.1f", resumed, before)
                    .isBetween(before - 5, before + 0.5);
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("lesson-resumed.png")));

            // slower or faster speech, and sound only for a weak connection
            page.locator(".ydk-player-tools button", new Page.LocatorOptions().setHasText("慢一点")).click();
            assertThat(((Number) page.evaluate("() => document.querySelector('ydk-player video').playbackRate"))
                    .doubleValue()).isEqualTo(0.75);
            page.evaluate("() => document.querySelector('ydk-player video').play()");
            page.locator(".ydk-player-audio-only").click();
            page.waitForFunction("() => { const v = document.querySelector('ydk-player video');"
                    + " return v.readyState >= 2 && v.videoWidth === 0 && !v.paused; }");
            double audioAt = ((Number) page.evaluate("() => document.querySelector('ydk-player video').currentTime"))
                    .doubleValue();
            assertThat(audioAt).as("sound only continues where the picture was").isGreaterThan(resumed - 1);
            assertThat(blocked).as("the player works within the Content-Security-Policy").isEmpty();
        }
        logins.as("member");
        assertThat(progress.standing(lesson.id()).uniqueSeconds()).isBetween(15L, 25L);
    }
}
