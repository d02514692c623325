package org.yundangke.live.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Chromium;
import org.yundangke.Logins;
import org.yundangke.base.DisplayPreferences;
import org.yundangke.base.FontStep;
import org.yundangke.live.LiveDraft;
import org.yundangke.live.LiveMode;
import org.yundangke.live.LiveSession;
import org.yundangke.live.LiveSessions;

/**
 * The live pages on a 390 px phone at the largest font step: nothing scrolls sideways, and what a finger must hit
 * (a session card, 进入会议, 我已参加, a member's row and check box on the attendance page) is at least 60 px high.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LiveBrowserTest {

    @RegisterExtension
    static final Chromium.Session chromium = new Chromium.Session();

    @LocalServerPort
    int port;

    @Autowired
    LiveSessions sessions;

    @Autowired
    DisplayPreferences preferences;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Logins logins;

    @Test
    void on_a_phone_at_the_largest_step_the_live_pages_fit_and_their_targets_are_big() {
        logins.as("lecturer");
        Instant later = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES);
        LiveSession session = sessions.schedule(new LiveDraft("党的二十届四中全会精神网上专题报告会 "
                + UUID.randomUUID().toString().substring(0, 4), "省委宣讲团成员", "一场很长标题的报告会", later,
                later.plus(Duration.ofMinutes(90)), LiveMode.LINK,
                "https://meeting.tencent.com/dm/a-very-long-meeting-link-that-must-wrap-on-a-phone-0123456789", 60,
                Set.of()));
        logins.logout();
        jdbc.update("update live_session set starts_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(5))), session.id()); // on now
        preferences.saveFontStep("member", FontStep.HUGE);
        preferences.saveFontStep("secretary", FontStep.HUGE);
        try {
            try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
                Page page = login(context, "member");
                page.navigate("http://localhost:" + port + "/live");
                Locator card = page.locator("a.ydk-card-link", new Page.LocatorOptions().setHasText(session.title()));
                assertThat(card).isVisible();
                tall(card);
                fits(page, "the list");
                card.click();
                Locator join = page.locator("a.ydk-join");
                assertThat(join).hasText("进入会议");
                tall(join);
                tall(page.locator("vaadin-button", new Page.LocatorOptions().setHasText("我已参加")));
                fits(page, "the session page");
                page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                        .setPath(Chromium.SCREENSHOTS.resolve("live-session-phone-huge.png")));
            }
            try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
                Page page = login(context, "secretary");
                page.navigate("http://localhost:" + port + "/live/" + session.id() + "/attendance");
                assertThat(page.locator(".ydk-row").first()).isVisible();
                tall(page.locator(".ydk-row").first());
                tall(page.locator("vaadin-checkbox-group.ydk-check-rows vaadin-checkbox").first());
                fits(page, "the attendance page");
            }
        } finally {
            preferences.saveFontStep("member", FontStep.STANDARD);
            preferences.saveFontStep("secretary", FontStep.STANDARD);
        }
    }

    private Page login(BrowserContext context, String username) {
        Page page = context.newPage();
        page.setDefaultTimeout(30_000);
        page.navigate("http://localhost:" + port + "/login");
        Chromium.logIn(page, username, "demo1234");
        page.waitForURL(url -> !url.contains("/login"));
        return page;
    }

    private static void tall(Locator target) {
        BoundingBox box = target.boundingBox();
        assertThat(box.height).as("height of %s", target).isGreaterThanOrEqualTo(60);
        assertThat(box.width).as("width of %s", target).isGreaterThanOrEqualTo(60);
    }

    private static void fits(Page page, String what) {
        page.waitForFunction("() => document.documentElement.dataset.fontStep === '3'");
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth > innerWidth + 1"))
                .as("%s scrolls sideways", what).isFalse();
    }
}
