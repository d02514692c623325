package org.yundangke.quiz.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Answers the question on a test's page as a member would, for the browser tests and the load test. */
public final class QuizAnswers {

    private QuizAnswers() {
    }

    /** The first option (and the second of a multiple choice), or words in a blank; waits until it is kept. */
    public static void answer(Page page) {
        Locator blank = page.locator(".ydk-blank input");
        if (blank.count() > 0) {
            blank.fill("不知道");
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("保存答案")).click();
            page.waitForFunction("() => document.querySelector('.ydk-blank') === null"
                    + " || document.querySelector('.ydk-blank').value === '不知道'");
            return;
        }
        page.locator("vaadin-button.ydk-option").first().click();
        Locator confirm = page.locator("vaadin-button", new Page.LocatorOptions().setHasText("确定答案"));
        if (confirm.count() > 0) {
            page.locator("vaadin-button.ydk-option").nth(1).click();
            confirm.click();
        }
        assertThat(page.locator("vaadin-button.ydk-option[aria-pressed=true]").first()).isVisible();
    }
}
