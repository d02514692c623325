package org.yundangke.study.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Cookie;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.AppSession;
import org.yundangke.Chromium;
import org.yundangke.Logins;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonDraft;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.media.MediaBench;
import org.yundangke.study.Assignments;

/**
 * A member's whole way in, as the oldest members take it: on a 390 × 844 phone at 超大, log in, the assigned lesson's
 * 开始学习 is on the first screen, one tap opens the lesson at its top, one tap plays it; and the same by keyboard alone,
 * with a visible focus ring on each control it reaches.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yundangke.demo-lessons=true")
@ActiveProfiles("test")
class ElderPathBrowserTest {

    @RegisterExtension
    static final Chromium.Session chromium = new Chromium.Session("--autoplay-policy=no-user-gesture-required");

    @LocalServerPort
    int port;

    @Autowired
    MediaBench media;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Assignments assignments;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    LessonInfo lesson;

    @BeforeEach
    void assignATalk() throws Exception {
        Path talk = media.make(dir.resolve("talk.mp4"), "-f", "lavfi", "-i", "testsrc2=duration=12:size=640x360:rate=25",
                "-f", "lavfi", "-i", "sine=duration=12", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac",
                "-shortest");
        UUID mediaId = media.uploadAndTranscode(AppSession.login(port, "lecturer", "demo1234"), Files.readAllBytes(talk));
        logins.as("lecturer");
        lesson = catalogue.createDraft(new LessonDraft(mediaId, "支部布置的党课 " + mediaId.toString().substring(0, 4),
                "周宣讲", "一堂十二秒的党课。", "党史学习", Set.of()));
        catalogue.publish(lesson.id());
        logins.as("secretary");
        long meiyuan = jdbc.queryForObject("select id from branch where name = '梅园新村社区离退休干部党支部'", Long.class);
        assignments.assign(meiyuan, null, lesson.id());
        logins.logout();
    }

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void at_the_largest_step_on_a_phone_the_lesson_is_one_tap_from_home_and_plays_with_one_more() {
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setHasTouch(true).setIsMobile(true))) {
            context.addCookies(List.of(new Cookie("ydk-font-step", "3").setUrl(url("/"))));
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            page.navigate(url("/login"));
            Chromium.logIn(page, "member", "demo1234");
            page.waitForURL(u -> u.endsWith("/member"));

            var card = page.locator("a.ydk-lesson-card", new Page.LocatorOptions().setHasText(lesson.title()));
            var start = card.locator(".ydk-card-action");
            assertThat(start.textContent()).isEqualTo("开始学习");
            BoundingBox box = start.boundingBox();
            assertThat(box.y + box.height).as("开始学习 on the first screen, without scrolling").isLessThanOrEqualTo(844);
            assertThat(box.height).isGreaterThanOrEqualTo(60);
            assertThat(page.evaluate("() => window.scrollY")).isEqualTo(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("elder-home-huge.png")));

            // a home scrolled a little, as after reading down the list: the lesson still opens at its top
            page.evaluate("() => window.scrollTo(0, 120)");
            assertThat(((Number) page.evaluate("() => window.scrollY")).intValue()).isEqualTo(120);
            start.tap();
            page.waitForURL(u -> u.contains("/lessons/" + lesson.id()));
            page.waitForSelector(".ydk-player-play");
            page.waitForFunction("() => window.scrollY === 0");
            assertThat(page.locator("h1, h2").first().boundingBox().y).as("the lesson opens at its top, title in view")
                    .isBetween(0.0, 200.0);
            BoundingBox play = page.locator(".ydk-player-play").boundingBox();
            assertThat(play.y + play.height).as("播放 on the first screen").isLessThanOrEqualTo(844);
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("elder-lesson-huge.png")));

            page.evaluate("() => { document.querySelector('ydk-player video').muted = true; }");
            page.locator(".ydk-player-play").tap();
            page.waitForFunction("() => { const v = document.querySelector('ydk-player video');"
                    + " return !v.paused && v.currentTime > 0.5; }");
        }
    }

    @Test
    void by_keyboard_alone_a_member_logs_in_opens_the_assigned_lesson_and_plays_it_seeing_where_the_focus_is() {
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            page.navigate(url("/login"));
            page.waitForSelector("input[name=username]");
            tabTo(page, "input[name=username]");
            page.keyboard().type("member");
            tabTo(page, "input[name=password]");
            page.keyboard().type("demo1234");
            page.keyboard().press("Enter");
            page.waitForURL(u -> u.endsWith("/member"));

            tabTo(page, "a.ydk-lesson-card[href$='" + lesson.id() + "']");
            page.keyboard().press("Enter");
            page.waitForURL(u -> u.contains("/lessons/" + lesson.id()));
            page.waitForSelector(".ydk-player-play");

            tabTo(page, ".ydk-player-play");
            page.evaluate("() => { document.querySelector('ydk-player video').muted = true; }");
            page.keyboard().press("Enter");
            page.waitForFunction("() => { const v = document.querySelector('ydk-player video');"
                    + " return !v.paused && v.currentTime > 0.5; }");
        }
    }

    /**
     * Presses Tab until {@code selector} has the focus (at most 60 times), and checks the focus is visible there: an
     * outline of at least 2 px that is not transparent.
     */
    private static void tabTo(Page page, String selector) {
        String focused = "s => { let e = document.activeElement; while (e && e.shadowRoot && e.shadowRoot.activeElement)"
                + " { if (e.matches(s)) break; e = e.shadowRoot.activeElement; }"
                + " return !!document.activeElement && (document.activeElement.matches(s)"
                + " || !!document.activeElement.closest(s) || !!(e && e.matches && e.matches(s))); }";
        int presses = 0;
        while (!(Boolean) page.evaluate(focused, selector)) {
            assertThat(presses++).as("Tab reaches " + selector).isLessThan(60);
            page.keyboard().press("Tab");
        }
        Object ring = page.evaluate("""
                () => {
                  let e = document.activeElement;
                  while (e.shadowRoot && e.shadowRoot.activeElement) e = e.shadowRoot.activeElement;
                  const field = document.activeElement.closest('vaadin-text-field, vaadin-password-field');
                  const candidates = [e, document.activeElement, field && field.shadowRoot
                      && field.shadowRoot.querySelector('[part~="input-field"]')].filter(Boolean);
                  return candidates.some(c => {
                    const s = getComputedStyle(c);
                    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
                        && s.outlineColor !== 'rgba(0, 0, 0, 0)';
                    return outline || (s.boxShadow && s.boxShadow !== 'none');
                  });
                }""");
        assertThat(ring).as("a visible focus ring on " + selector).isEqualTo(true);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
