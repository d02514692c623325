package org.yundangke.committee.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Cookie;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.yundangke.committee.Rollups;

/**
 * The province's administrator opens 学习统计 on a phone at 超大, sees the cities as bars and as cards, and drills down
 * city → county → branch by the cards' large buttons; the branch shows its members' study hours as bars and as cards.
 * No step scrolls sideways.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OverviewBrowserTest {

    @RegisterExtension
    static final Chromium.Session chromium = new Chromium.Session();

    @LocalServerPort
    int port;

    @Autowired
    Rollups rollups;

    @Autowired
    JdbcTemplate jdbc;

    final int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
    long member;

    @BeforeEach
    void someStudyAndAFreshRollup() {
        member = jdbc.queryForObject("select min(id) from member where primary_branch_id = (select id from branch"
                + " where name = '梅园新村社区离退休干部党支部')", Long.class);
        jdbc.update("insert into credit_month_total (member_id, study_year, study_month, study_hours, points)"
                + " values (?, ?, 1, ?, 0)", member, year, new BigDecimal("12.5"));
        rollups.refresh(year);
    }

    @AfterEach
    void removeWhatWasMade() {
        jdbc.update("delete from credit_month_total where member_id = ? and study_year = ? and study_month = 1"
                + " and study_hours = 12.5", member, year);
        jdbc.update("delete from rollup_branch");
        jdbc.update("delete from rollup_committee");
        jdbc.update("delete from rollup_refresh");
    }

    @Test
    void the_province_drills_down_to_a_branch_and_sees_its_chart_and_table() {
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844).setHasTouch(true).setIsMobile(true))) {
            context.addCookies(List.of(new Cookie("ydk-font-step", "3").setUrl(url("/"))));
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            page.navigate(url("/login"));
            Chromium.logIn(page, "province", "demo1234");
            page.waitForURL(u -> !u.contains("/login"));
            page.navigate(url("/overview"));
            heading(page, "江苏省委离退休干部工委");
            chartShows(page, "南京市委");
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("overview-province.png"))
                    .setFullPage(true));

            for (String next : List.of("南京市委离退休干部工委", "玄武区委离退休干部工委", "梅园新村社区离退休干部党支部")) {
                Locator open = page.locator(".ydk-grid-card", new Page.LocatorOptions().setHasText(next))
                        .locator("vaadin-button");
                BoundingBox box = open.boundingBox();
                assertThat(box.height).as("a large target").isGreaterThanOrEqualTo(60);
                assertThat(box.x + box.width).isLessThanOrEqualTo(390);
                open.tap();
                heading(page, next);
                assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                        .as("no sideways scroll at " + next).isTrue();
            }
            page.waitForURL(u -> u.contains("/overview/branch/"));
            chartShows(page, "12.5");
            Locator card = page.locator(".ydk-grid-card", new Page.LocatorOptions().setHasText("12.5"));
            assertThat(card.count()).as("the member's card with the hours").isOne();
            assertThat(page.locator("ydk-chart").getAttribute("aria-label")).contains("梅园新村社区离退休干部党支部");
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("overview-branch.png"))
                    .setFullPage(true));
        }
    }

    private static void heading(Page page, String name) {
        page.waitForFunction("n => (document.querySelector('h2') || {}).textContent?.includes(n)", name);
    }

    /** The chart has drawn (SVG) and one of its texts holds {@code text}. */
    private static void chartShows(Page page, String text) {
        page.waitForFunction("t => [...document.querySelectorAll('ydk-chart svg text')]"
                + ".some(e => e.textContent.includes(t))", text);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
