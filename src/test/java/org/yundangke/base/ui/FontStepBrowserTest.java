package org.yundangke.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Chromium;
import org.yundangke.base.DisplayPreferences;
import org.yundangke.base.FontStep;

/**
 * The font step before the first paint: chosen on the login page as one of four large choices, remembered by the
 * device, written by the server into every page's {@code <html>} (so the page appears at its size and does not jump),
 * and followed by the user who logs in there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FontStepBrowserTest {

    @RegisterExtension
    static final Chromium.Session chromium = new Chromium.Session();

    @LocalServerPort
    int port;

    @Autowired
    DisplayPreferences preferences;

    @Test
    void the_step_chosen_before_login_is_in_every_page_the_server_sends_and_follows_the_user() {
        preferences.saveFontStep("member", FontStep.STANDARD);
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            page.navigate(url("/login"));
            assertThat(served(page, "/login")).contains("data-font-step=\"0\"");
            var huge = page.locator(".ydk-step-choice vaadin-button", new Page.LocatorOptions().setHasText("超大"));
            assertThat(huge.boundingBox().height).isGreaterThanOrEqualTo(60);
            huge.click();
            page.waitForFunction("() => document.documentElement.dataset.fontStep === '3'");
            assertThat(huge.getAttribute("aria-pressed")).isEqualTo("true");
            assertThat(served(page, "/login")).as("the server writes the device's step into the page")
                    .contains("data-font-step=\"3\"");

            Chromium.logIn(page, "member", "demo1234");
            page.waitForURL(u -> u.contains("/member"));
            assertThat(served(page, "/member")).contains("data-font-step=\"3\"");
            page.waitForFunction("() => document.documentElement.dataset.fontStep === '3'");
            assertThat(preferences.fontStep("member")).as("the device's choice follows the member")
                    .isEqualTo(FontStep.HUGE);
        } finally {
            preferences.saveFontStep("member", FontStep.STANDARD);
        }
    }

    /** The page as the server sends it (with this browser's cookies), before any script runs. */
    private String served(Page page, String path) {
        return page.context().request().get(url(path)).text();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
