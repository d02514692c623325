package org.yundangke.study.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Chromium;
import org.yundangke.Logins;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonDraft;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.study.StudyProgress;

/**
 * An article in Chromium at the largest font step: the read-aloud toolbar is reached with the keyboard, the picture
 * fits the phone screen, and the time the article is on screen reaches the server as study time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ArticleBrowserTest {

    @RegisterExtension
    static final Chromium.Session chromium = new Chromium.Session();

    @LocalServerPort
    int port;

    @Autowired
    Catalogue catalogue;

    @Autowired
    StudyProgress progress;

    @Autowired
    Logins logins;

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void a_member_reads_an_article_by_keyboard_at_the_largest_font_and_the_time_counts() {
        logins.as("lecturer");
        LessonInfo article = catalogue.createDraft(new LessonDraft(null, "图文测试", "周宣讲", "一篇短文", "理论学习",
                Set.of(), Set.of(), "", null, "## 学习体会\n\n" + "不忘初心，牢记使命。".repeat(40)));
        catalogue.publish(article.id());

        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(360, 740))) {
            Page page = context.newPage();
            page.setDefaultTimeout(60_000);
            page.navigate("http://localhost:" + port + "/login");
            Chromium.logIn(page, "member", "demo1234");
            page.waitForURL(url -> url.contains("/member"));
            page.evaluate("() => document.documentElement.setAttribute('data-font-step', '3')");
            page.navigate("http://localhost:" + port + "/lessons/" + article.id());
            page.waitForSelector("ydk-reader .ydk-reader-speak");
            page.evaluate("() => document.documentElement.setAttribute('data-font-step', '3')");

            int tabs = 0;
            while (tabs < 40 && !"朗读全文".equals(page.evaluate("() => document.activeElement.textContent"))) {
                page.keyboard().press("Tab");
                tabs++;
            }
            assertThat(tabs).as("the read-aloud button is reached with the Tab key").isLessThan(40);
            assertThat(page.locator("ydk-reader button").allTextContents()).containsExactly("朗读全文", "暂停", "停止");
            assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1"))
                    .as("no sideways scrolling at 360 px and the largest font").isEqualTo(true);
            assertThat(page.textContent(".ydk-article")).contains("学习体会", "不忘初心");

            page.waitForTimeout(14_000); // the article is on screen: the reader reports after 12 s
            page.navigate("about:blank");
        }
        logins.as("member");
        assertThat(progress.standing(article.id()).uniqueSeconds()).isBetween(10L, 16L);
        assertThat(progress.standing(article.id()).positionSeconds()).isBetween(10.0, 16.0);
    }

    @Test
    void with_no_chinese_voice_read_aloud_says_so_once_and_offers_larger_text_instead_of_a_retry() {
        logins.as("lecturer");
        LessonInfo article = catalogue.createDraft(new LessonDraft(null, "朗读测试", "周宣讲", "一篇短文", "理论学习",
                Set.of(), Set.of(), "", null, "不忘初心，牢记使命。"));
        catalogue.publish(article.id());

        try (BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            // a device with English voices only, as many members' phones are
            page.addInitScript("speechSynthesis.getVoices = () => [{lang: 'en-US', name: 'English'}];");
            page.navigate("http://localhost:" + port + "/login");
            Chromium.logIn(page, "member", "demo1234");
            page.waitForURL(url -> url.contains("/member"));
            page.navigate("http://localhost:" + port + "/lessons/" + article.id());
            page.locator("ydk-reader .ydk-reader-speak").click();

            assertThat(page.locator(".ydk-reader-status")).containsText("没有装中文朗读的声音");
            assertThat(page.locator("ydk-reader .ydk-reader-speak")).isHidden();
            String before = page.evaluate("() => document.documentElement.dataset.fontStep").toString();
            page.locator("ydk-reader .ydk-reader-larger").click();
            assertThat(page.evaluate("() => document.documentElement.dataset.fontStep").toString())
                    .isEqualTo(String.valueOf(Integer.parseInt(before) + 1));
            assertThat(context.cookies()).anySatisfy(c -> assertThat(c.name + "=" + c.value)
                    .isEqualTo("ydk-font-step=" + (Integer.parseInt(before) + 1)));
        }
    }
}
