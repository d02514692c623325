package org.yundangke;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium driven by Playwright, never a downloaded browser: skipped with a printed reason when
 * /usr/bin/chromium is absent ({@code .ci/run} installs it). Own HOME, so nothing lands in the user's profile.
 */
public final class Chromium {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    public static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private Chromium() {
    }

    /** Starts Playwright for the calling test class, or skips the class when Chromium is not installed. */
    public static Playwright playwrightOrSkip(Class<?> testClass) {
        skipUnlessInstalled(testClass);
        try {
            Path home = Files.createTempDirectory("chromium-home");
            Files.createDirectories(SCREENSHOTS);
            PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
            return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
                    "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "HOME", home.toString(),
                    "XDG_CONFIG_HOME", home.resolve(".config").toString(),
                    "XDG_CACHE_HOME", home.resolve(".cache").toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips the calling test (class) with a printed reason when Chromium is not installed. */
    public static void skipUnlessInstalled(Class<?> testClass) {
        if (!Files.isExecutable(EXECUTABLE)) {
            System.out.println("SKIPPED " + testClass.getSimpleName() + ": " + EXECUTABLE
                    + " is absent (apt-get install --no-install-recommends chromium)");
            Assumptions.abort(EXECUTABLE + " is absent");
        }
    }

    public static Browser launch(Playwright playwright, String... extraFlags) {
        List<String> flags = new ArrayList<>(FLAGS);
        flags.addAll(List.of(extraFlags));
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE).setArgs(flags));
    }

    /** Fills the login form and submits it with Enter, as a keyboard user would. */
    public static void logIn(Page page, String username, String password) {
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.locator("input[name=password]").press("Enter");
    }

    /**
     * Chromium for one test class: {@code @RegisterExtension static final Chromium.Session chromium = new
     * Chromium.Session();} starts it before the class's tests (or skips the class when it is absent) and closes it
     * after them.
     */
    public static final class Session implements BeforeAllCallback, AfterAllCallback {

        private final String[] flags;
        private Playwright playwright;
        private Browser browser;

        public Session(String... extraFlags) {
            this.flags = extraFlags;
        }

        public Browser browser() {
            return browser;
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            playwright = playwrightOrSkip(context.getRequiredTestClass());
            browser = launch(playwright, flags);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (playwright != null) {
                playwright.close();
            }
        }
    }
}
