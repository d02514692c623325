package org.yundangke.branch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Chromium;
import org.yundangke.Logins;
import org.yundangke.TestMembers;
import org.yundangke.base.DisplayPreferences;
import org.yundangke.base.FontStep;
import org.yundangke.branch.OrgLife;
import org.yundangke.org.OrgDirectory;

/**
 * The secretary takes attendance in the room on a 390 px phone at 超大: each member's three buttons are large targets
 * on one screen width, a tap marks and shows it, the tally follows, and 确认出勤 writes the credit of those present.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AttendanceBrowserTest {

    @RegisterExtension
    static final Chromium.Session chromium = new Chromium.Session();

    @LocalServerPort
    int port;

    @Autowired
    OrgLife orgLife;

    @Autowired
    OrgDirectory directory;

    @Autowired
    DisplayPreferences preferences;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    long meiyuan;
    OrgLife.Event meeting;
    final List<Long> made = new ArrayList<>();

    @BeforeEach
    void aMeetingThisMorning() {
        logins.as("secretary");
        meiyuan = directory.currentActor().ledBranchIds().iterator().next();
        for (String name : List.of("点名的甲", "点名的乙")) {
            made.add(TestMembers.add(jdbc, name, meiyuan));
        }
        meeting = orgLife.schedule(new OrgLife.NewEvent(meiyuan, OrgLife.Kind.BRANCH_MEETING,
                Instant.now().minus(Duration.ofHours(1)), "支部活动室", null, "学习党章第一章"));
        logins.logout();
    }

    @AfterEach
    void removeWhatWasMade() {
        preferences.saveFontStep("secretary", FontStep.STANDARD);
        jdbc.update("delete from org_event_attendance where event_id = ?", meeting.id());
        jdbc.update("delete from org_event where id = ?", meeting.id());
        made.forEach(id -> TestMembers.remove(jdbc, id));
    }

    @Test
    void attendance_is_taken_with_large_buttons_on_a_phone_at_the_largest_step_and_credits_those_present() {
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setHasTouch(true).setIsMobile(true))) {
            context.addCookies(List.of(new Cookie("ydk-font-step", "3").setUrl(url("/"))));
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            page.navigate(url("/login"));
            Chromium.logIn(page, "secretary", "demo1234");
            page.waitForURL(u -> !u.contains("/login"));
            page.navigate(url("/events/" + meeting.id()));
            page.waitForSelector(".ydk-attendance-row");

            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("attendance-huge-open.png")));
            Locator first = row(page, "点名的甲");
            Locator present = first.locator("vaadin-button.ydk-attendance-present");
            for (Locator button : List.of(present, first.locator("vaadin-button.ydk-attendance-excused"),
                    first.locator("vaadin-button.ydk-attendance-absent"))) {
                BoundingBox box = button.boundingBox();
                assertThat(box.height).as("a large target").isGreaterThanOrEqualTo(60);
                assertThat(box.width).isGreaterThanOrEqualTo(60);
                assertThat(box.x + box.width).as("on the screen's width").isLessThanOrEqualTo(390);
            }
            present.tap();
            page.waitForFunction("b => b.getAttribute('aria-pressed') === 'true'", present.elementHandle());
            Locator second = row(page, "点名的乙");
            second.locator("vaadin-button.ydk-attendance-excused").tap();
            page.waitForFunction("() => document.querySelector('.ydk-attendance-tally').textContent"
                    + ".includes('到会 1 人 · 请假 1 人')");
            assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scroll").isTrue();
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("attendance-huge.png")));

            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("确认出勤")).tap();
            row(page, "点名的甲").locator(".ydk-attendance-credited").waitFor();
            assertThat(jdbc.queryForObject("select count(*) from evidence_record where member_id = ? and state ="
                    + " 'APPROVED'", Integer.class, made.get(0))).isOne();
            assertThat(jdbc.queryForObject("select count(*) from credit_entry where member_id = ?", Integer.class,
                    made.get(1))).as("excused: no credit").isZero();
        }
    }

    private static Locator row(Page page, String name) {
        return page.locator(".ydk-attendance-row", new Page.LocatorOptions().setHasText(name));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
