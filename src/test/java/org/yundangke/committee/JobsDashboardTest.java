package org.yundangke.committee;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.AppSession;
import org.yundangke.Chromium;

/**
 * JobRunr's dashboard behind the app's login: the province's administrators see it (pages, API, in Chromium with the
 * app's content policy); a city administrator, a member and someone not logged in do not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "yundangke.jobs-dashboard.enabled=true")
@ActiveProfiles("test")
class JobsDashboardTest {

    @RegisterExtension
    static final Chromium.Session chromium = new Chromium.Session();

    @LocalServerPort
    int port;

    @Test
    void the_provinces_administrators_see_the_jobs_and_nobody_else_does() throws Exception {
        AppSession province = AppSession.login(port, "province", "demo1234");
        HttpResponse<String> page = province.get("/dashboard/");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("JobRunr");
        HttpResponse<String> jobs = province.get("/api/jobs?state=SUCCEEDED&offset=0&limit=20&order=updatedAt:DESC");
        assertThat(jobs.statusCode()).isEqualTo(200);
        assertThat(jobs.body()).contains("\"items\"");
        assertThat(province.get("/api/servers").statusCode()).isEqualTo(200);

        for (String other : new String[] {"admin", "member"}) { // a city's administrator, a member
            AppSession session = AppSession.login(port, other, "demo1234");
            assertThat(session.get("/dashboard/").statusCode()).as(other).isEqualTo(403);
            assertThat(session.get("/api/jobs?state=FAILED&offset=0&limit=20").statusCode()).as(other).isEqualTo(403);
        }
        HttpResponse<String> anonymous = AppSession.anonymous(port).get("/dashboard/");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).contains("/login");
    }

    @Test
    void the_dashboard_draws_in_a_browser_under_the_apps_content_policy() {
        try (BrowserContext context = chromium.browser().newContext(
                new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/login");
            Chromium.logIn(page, "province", "demo1234");
            page.waitForURL(url -> !url.contains("/login"));
            page.navigate("http://localhost:" + port + "/dashboard/");
            assertThat(page.getByText("Recurring Jobs").first()).isVisible();
            // the counts arrive as live updates (server-sent events), handed through by the app as they come
            page.waitForFunction("() => { const badges = [...document.querySelectorAll('.MuiBadge-badge')];"
                    + " return badges.length > 0 && badges.every(b => b.textContent.trim() !== '?'); }");
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("jobs-dashboard.png")));
        }
    }
}
