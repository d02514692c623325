package org.yundangke.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Chromium;

/**
 * A tab's screen on the server lives as long as the tab: closed the ordinary way it is freed at once (the browser's
 * unload beacon), gone silently (browser killed, network lost) it is freed by the sweep once three heartbeats are
 * missed, and a tab still open keeps its screen. Heartbeats every 3 s here instead of 30 s, so it runs in seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "vaadin.heartbeatInterval=3")
@ActiveProfiles("test")
class ClosedTabsTest {

    @RegisterExtension
    static final Chromium.Session chromium = new Chromium.Session();

    @LocalServerPort
    int port;

    @Autowired
    ClosedTabs closedTabs;

    @Test
    void a_closed_tab_is_freed_a_silent_one_after_missed_heartbeats_and_an_open_one_kept() {
        try (BrowserContext open = newContext(); BrowserContext closing = newContext();
             BrowserContext killed = newContext()) {
            Page kept = home(open, "member");
            Page leaving = home(closing, "lecturer");
            Page dying = home(killed, "secretary");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(screensOf("member")).as("the login page's screen went with the login").isEqualTo(1);
                assertThat(screensOf("lecturer")).isEqualTo(1);
                assertThat(screensOf("secretary")).isEqualTo(1);
            });

            leaving.close(new Page.CloseOptions().setRunBeforeUnload(true));
            await().atMost(Duration.ofSeconds(20)).until(() -> screensOf("lecturer") == 0);

            killed.setOffline(true); // nothing reaches the server any more: no beacon, no heartbeats
            dying.close();
            closedTabs.sweep(Instant.now());
            assertThat(screensOf("secretary")).as("silent only since now: kept").isEqualTo(1);
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                closedTabs.sweep(Instant.now());
                return screensOf("secretary") == 0;
            });

            assertThat(screensOf("member")).as("the open tab sends its heartbeats and keeps its screen").isEqualTo(1);
            kept.locator("vaadin-side-nav-item[path='browse']").click();
            kept.locator("h2", new Page.LocatorOptions().setHasText("课程目录")).waitFor();
        }
    }

    private BrowserContext newContext() {
        return chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    }

    private Page home(BrowserContext context, String username) {
        Page page = context.newPage();
        page.setDefaultTimeout(30_000);
        page.navigate("http://localhost:" + port + "/login");
        Chromium.logIn(page, username, "demo1234");
        page.waitForURL(u -> !u.contains("/login"));
        page.locator("vaadin-app-layout").waitFor();
        return page;
    }

    /** Screens held in the sessions of this user's logins. */
    private int screensOf(String username) {
        AtomicInteger screens = new AtomicInteger();
        for (VaadinSession session : closedTabs.all()) {
            session.accessSynchronously(() -> {
                Object context = session.getSession() == null ? null : session.getSession()
                        .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
                if (context instanceof SecurityContext security && security.getAuthentication() != null
                        && username.equals(security.getAuthentication().getName())) {
                    screens.addAndGet(session.getUIs().size());
                }
            });
        }
        return screens.get();
    }
}
