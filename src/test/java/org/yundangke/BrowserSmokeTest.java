package org.yundangke;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.base.FontStep;
import org.yundangke.base.Translations;
import org.yundangke.base.DisplayPreferences;

/**
 * The app in Debian's Chromium, as a member would use it: log in, land on the home view, make the text larger, switch
 * the language. Skipped with a reason when /usr/bin/chromium is absent (see {@link Chromium}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BrowserSmokeTest {

    static final Path SCREENSHOTS = Chromium.SCREENSHOTS;

    @RegisterExtension
    static final Chromium.Session chromium = new Chromium.Session();

    @Autowired
    DisplayPreferences preferences;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;

    @BeforeEach
    void openPage() {
        // an English-speaking browser on purpose: the app still starts in Chinese
        context = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1280, 900));
        page = context.newPage();
        page.setDefaultTimeout(30_000);
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    void a_wrong_password_says_what_to_do_and_the_member_lands_on_their_home() {
        page.navigate(url("/"));
        assertThat(page.locator("h1")).hasText("云党课");

        logIn("member", "wrong-password");
        assertThat(page.getByText("用户名或密码不正确")).isVisible();

        logIn("member", "demo1234");
        assertThat(page.locator("h1").first()).containsText("您好");
        System.out.println("URL after login " + page.url());
        assertThat(page.getByText("今天没有待学的课程")).isVisible();
        assertThat(page.locator("vaadin-side-nav-item").first()).containsText("我的学习");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("member-home.png")).setFullPage(true));
        page.setViewportSize(360, 740);
        page.waitForTimeout(500);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("member-home-phone.png")));
        assertThat(pageScrollsSideways()).as("reflows at 360 px").isFalse();
    }

    @Test
    void the_largest_font_step_gives_large_body_text_and_stays_after_a_reload() {
        page.navigate(url("/login"));
        logIn("secretary", "demo1234");
        page.waitForURL(url("/secretary"));
        assertThat(bodyFontPixels()).isEqualTo(FontStep.STANDARD.bodyPixels());

        page.locator("a.ydk-settings-link").click();
        page.waitForURL(url("/settings"));
        var huge = page.locator(".ydk-step-choice vaadin-button", new Page.LocatorOptions().setHasText("超大"));
        var before = huge.boundingBox();
        huge.click();
        page.waitForFunction("() => document.documentElement.dataset.fontStep === '3'");
        var after = huge.boundingBox();
        assertThat(List.of(after.x, after.y, after.width, after.height)).as("the choice stays under the finger")
                .isEqualTo(List.of(before.x, before.y, before.width, before.height));
        assertThat(bodyFontPixels()).isEqualTo(FontStep.HUGE.bodyPixels()).isGreaterThanOrEqualTo(24);

        page.reload();
        page.waitForFunction("() => document.documentElement.dataset.fontStep === '3'");
        assertThat(bodyFontPixels()).isEqualTo(FontStep.HUGE.bodyPixels());

        page.setViewportSize(390, 844);
        page.waitForTimeout(500); // let the app layout switch to its phone mode before the picture
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("secretary-phone-huge.png")));
        assertThat(pageScrollsSideways()).as("reflows on a phone at the largest step").isFalse();
    }

    @Test
    void the_language_switch_shows_english_and_remembers_it() {
        page.navigate(url("/login"));
        logIn("lecturer", "demo1234");
        page.waitForURL(url("/lecturer"));
        // no one-tap language switch on every page: it lives in 设置
        assertThat(page.locator("vaadin-button", new Page.LocatorOptions().setHasText("English"))).hasCount(0);
        page.locator("a.ydk-settings-link").click();
        page.locator(".ydk-language-choice vaadin-button", new Page.LocatorOptions().setHasText("English")).click();
        assertThat(page.locator("vaadin-side-nav-item").first()).containsText("My talks");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        page.navigate(url("/lecturer"));
        assertThat(page.locator("vaadin-side-nav-item").first()).containsText("My talks");

        // the device remembers it before login too: the login page opens in English
        page.locator("a.ydk-settings-link").click();
        page.locator("vaadin-button.ydk-logout").click();
        page.waitForURL(url -> url.contains("/login"));
        assertThat(page.locator("h1")).hasText("Yundangke");
        page.locator(".ydk-language-choice vaadin-button", new Page.LocatorOptions().setHasText("中文")).click();
        assertThat(page.locator("h1")).hasText("云党课");

        // and the device's choice made before login becomes the lecturer's again
        logIn("lecturer", "demo1234");
        page.waitForURL(u -> u.contains("/lecturer"));
        assertThat(page.locator("vaadin-side-nav-item").first()).containsText("我的讲座");
        org.assertj.core.api.Assertions.assertThat(preferences.locale("lecturer")).contains(Translations.CHINESE);
    }

    @AfterEach
    void chineseAgain() {
        preferences.saveLocale("lecturer", Translations.CHINESE); // other tests share this app and its lecturer
    }

    @Test
    void a_date_is_taken_in_any_common_chinese_form_and_anything_else_says_how_to_type_it() {
        page.navigate(url("/login"));
        logIn("secretary", "demo1234");
        page.waitForURL(url("/secretary"));
        String study = page.locator("a[href*='/study']").first().getAttribute("href");
        page.navigate(url("/" + study.replaceFirst("^/", "")));
        var input = page.locator("vaadin-date-picker input").first();
        for (String typed : List.of("2026年12月20日", "2026-12-20", "2026/12/20", "2026.12.20", "20261220")) {
            input.fill(typed);
            input.press("Enter");
            assertThat(page.locator("vaadin-date-picker").first().evaluate("e => e.value")).as(typed)
                    .isEqualTo("2026-12-20");
            assertThat(input.inputValue()).isEqualTo("2026年12月20日");
        }
        input.fill("下个月");
        input.press("Enter");
        // the server validates and answers: wait for the field to turn invalid (a 30 s timeout fails the test)
        page.waitForFunction("() => document.querySelector('vaadin-date-picker').invalid");
        assertThat(page.locator("vaadin-date-picker").first().evaluate("e => e.errorMessage").toString())
                .contains("2026年12月20日", "2026-12-20");
    }

    private void logIn(String username, String password) {
        Chromium.logIn(page, username, password);
    }

    private boolean pageScrollsSideways() {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1");
    }

    private int bodyFontPixels() {
        Object size = page.evaluate("() => getComputedStyle(document.body).fontSize");
        return (int) Math.round(Double.parseDouble(size.toString().replace("px", "")));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
