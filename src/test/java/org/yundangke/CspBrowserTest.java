package org.yundangke;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.CourseInfo;
import org.yundangke.catalogue.LessonDraft;
import org.yundangke.catalogue.LessonInfo;

/**
 * The Content-Security-Policy holds on every route without breaking it: each role opens each of its pages in
 * Chromium, and the browser reports no violation (the video player's is checked in ResumeBrowserTest). The member
 * ticks "remember me", which the login form posts along.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CspBrowserTest {

    @RegisterExtension
    static final Chromium.Session chromium = new Chromium.Session();

    @LocalServerPort
    int port;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void no_route_breaks_the_content_security_policy() {
        logins.as("lecturer");
        CourseInfo course = catalogue.createCourse("CSP 专题 " + UUID.randomUUID(), "");
        LessonInfo article = catalogue.createDraft(new LessonDraft(null, "安全测试文章", "周宣讲", "", "党史学习", Set.of(),
                Set.of(), "", course.id(), "## 小标题\n\n正文，[链接](https://www.xuexi.cn)。\n\n<style>body{display:none}</style>"));
        catalogue.publish(article.id());
        logins.logout();
        long meiyuan = jdbc.queryForObject("select id from branch where name = '梅园新村社区离退休干部党支部'", Long.class);

        Map<String, List<String>> routes = Map.of(
                "member", List.of("/member", "/browse", "/record", "/evidence", "/password",
                        "/courses/" + course.id(), "/lessons/" + article.id()),
                "secretary", List.of("/secretary", "/branches/" + meiyuan, "/branches/" + meiyuan + "/study",
                        "/branches/" + meiyuan + "/credit"),
                "lecturer", List.of("/lecturer", "/media", "/lessons"),
                "province", List.of("/admin", "/credit", "/credit-rules"));
        List<String> violations = new ArrayList<>();
        routes.forEach((login, paths) -> {
            try (BrowserContext context = chromium.browser().newContext()) {
                Page page = context.newPage();
                page.setDefaultTimeout(30_000);
                page.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
                        + "'CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))");
                page.onConsoleMessage(m -> {
                    if (m.text().contains("Content Security Policy") || m.text().startsWith("CSP violation")) {
                        violations.add(login + " " + page.url() + ": " + m.text());
                    }
                });
                page.navigate(url("/login"));
                if (login.equals("member")) {
                    page.locator("vaadin-checkbox[name=remember-me] label").click(); // 在这台设备上记住我
                }
                Chromium.logIn(page, login, "demo1234");
                page.waitForURL(u -> !u.contains("/login"));
                assertThat(context.cookies()).as("remembered only when asked").extracting(c -> c.name)
                        .filteredOn("remember-me"::equals).hasSize(login.equals("member") ? 1 : 0);
                for (String path : paths) {
                    page.navigate(url(path));
                    page.waitForSelector("vaadin-app-layout");
                    page.waitForTimeout(300); // late scripts and styles
                    assertThat(page.locator("vaadin-app-layout").isVisible()).as(path).isTrue();
                }
            }
        });
        assertThat(violations).isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
