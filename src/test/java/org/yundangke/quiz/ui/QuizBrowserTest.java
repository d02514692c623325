package org.yundangke.quiz.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.BoundingBox;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Chromium;
import org.yundangke.Logins;
import org.yundangke.base.DisplayPreferences;
import org.yundangke.base.FontStep;
import org.yundangke.quiz.QuestionBank;

/**
 * A member takes a test in Chromium on a 390 px phone at the largest font step: every option is a button at least
 * 60 px high, nothing scrolls sideways, and nothing the server sent before 交卷 (page, UIDL answers) holds an
 * explanation of the questions, which comes with the keys only afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class QuizBrowserTest {

    @RegisterExtension
    static final Chromium.Session chromium = new Chromium.Session();

    @LocalServerPort
    int port;

    @Autowired
    DisplayPreferences preferences;

    @Autowired
    QuestionBank bank;

    @Autowired
    Logins logins;

    @Test
    void a_test_on_a_phone_at_the_largest_step_has_big_options_and_no_key_in_the_browser_before_handing_in() {
        logins.as("lecturer");
        List<String> explanations = bank.search("", 0, 500).stream().map(q -> q.content().explanation())
                .filter(e -> e.length() > 8).toList();
        logins.logout();
        preferences.saveFontStep("member", FontStep.HUGE);
        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            List<Response> responses = new ArrayList<>();
            // what the server sends the page: documents and the UIDL answers (not scripts, styles, pings, whose bodies
            // Playwright may never deliver: a full run once hung reading one)
            page.onResponse(r -> {
                if (List.of("document", "xhr", "fetch").contains(r.request().resourceType())) {
                    responses.add(r);
                }
            });
            page.navigate("http://localhost:" + port + "/login");
            Chromium.logIn(page, "member", "demo1234");
            page.waitForURL("**/member");
            page.navigate("http://localhost:" + port + "/quizzes");
            page.locator("a.ydk-card-link", new Page.LocatorOptions().setHasText("党章知识测验")).click();
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("开始答题")).click();
            page.waitForFunction("() => document.documentElement.dataset.fontStep === '3'");
            assertThat(page.locator(".ydk-attempt-progress")).hasText("第 1 题，共 10 题");

            List<Double> heights = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                assertThat(page.locator(".ydk-attempt-progress")).hasText("第 " + i + " 题，共 10 题");
                Locator options = page.locator("vaadin-button.ydk-option");
                for (int o = 0; o < options.count(); o++) {
                    BoundingBox box = options.nth(o).boundingBox();
                    heights.add(box.height);
                    assertThat(box.width).isGreaterThanOrEqualTo(60);
                }
                assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth > innerWidth + 1"))
                        .as("question %d scrolls sideways", i).isFalse();
                if (i == 1) {
                    page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                            .setPath(Chromium.SCREENSHOTS.resolve("quiz-question-phone-huge.png")));
                }
                QuizAnswers.answer(page);
                if (i < 10) {
                    page.locator("vaadin-button", new Page.LocatorOptions().setHasText("下一题")).click();
                }
            }
            assertThat(heights).isNotEmpty().allSatisfy(h -> assertThat(h).isGreaterThanOrEqualTo(60));

            // a copy: reading a body lets Playwright deliver more responses into the list meanwhile
            String before = page.content() + String.join("", List.copyOf(responses).stream().map(QuizBrowserTest::body)
                    .toList());
            assertThat(explanations).noneSatisfy(e -> assertThat(before).contains(e));

            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("答题情况，交卷")).click();
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("交卷").setHasNotText("答题情况"))
                    .click();
            assertThat(page.locator(".ydk-result")).containsText("满分");
            page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("quiz-result-phone-huge.png")));
            String after = page.content();
            assertThat(explanations).as("the check above can see explanations once they are sent")
                    .anySatisfy(e -> assertThat(after).contains(e));
        } finally {
            preferences.saveFontStep("member", FontStep.STANDARD);
        }
    }

    private static String body(Response response) {
        try {
            return response.text();
        } catch (RuntimeException noBody) { // a redirect or a stream has none to read
            return "";
        }
    }
}
