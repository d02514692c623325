package org.yundangke.media;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Sort;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Chromium;

/**
 * A lecturer uploads a sample talk in Debian's Chromium, sees it transcoded, and plays it with hls.js: the video
 * reaches "playing" and its time advances. Skipped with a reason when /usr/bin/chromium is absent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MediaBrowserTest {

    @RegisterExtension
    static final Chromium.Session chromium = new Chromium.Session("--autoplay-policy=no-user-gesture-required");

    @LocalServerPort
    int port;

    @Autowired
    TranscodeJob transcodeJob;

    @Autowired
    MediaRepository media;

    @Test
    void a_lecturer_uploads_a_talk_and_plays_the_transcoded_ladder() throws Exception {
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.setDefaultTimeout(60_000);
            page.navigate("http://localhost:" + port + "/login");
            Chromium.logIn(page, "lecturer", "demo1234");
            page.waitForURL("**/lecturer");
            page.navigate("http://localhost:" + port + "/media");

            page.locator("ydk-upload input[type=file]").setInputFiles(SampleTalks.LANDSCAPE);
            assertThat(page.locator("ydk-upload .ydk-upload-message")).containsText("上传成功");
            assertThat(page.locator("vaadin-grid")).containsText("排队等待转码");

            Media uploaded = media.findAll(Sort.by(Sort.Direction.DESC, "createdAt")).getFirst();
            transcodeJob.transcode(uploaded.getId()); // what the job server does; the page polls for the result
            assertThat(page.locator("vaadin-grid")).containsText("可以播放");
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("media-library.png")));

            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("预览")).first().click();
            Locator video = page.locator("ydk-player video");
            assertThat(video).isVisible();
            page.evaluate("() => { const v = document.querySelector('ydk-player video'); v.muted = true; v.play(); }");
            page.waitForFunction("() => { const v = document.querySelector('ydk-player video');"
                    + " return v && !v.paused && v.currentTime > 1.5; }");
            double time = ((Number) page.evaluate("() => document.querySelector('ydk-player video').currentTime"))
                    .doubleValue();
            assertThat(time).isGreaterThan(1.5);
            assertThat((Boolean) page.evaluate("() => !!window.Hls && window.Hls.isSupported()")).isTrue();
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("media-playing.png")));
        }
    }
}
