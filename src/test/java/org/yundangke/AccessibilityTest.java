package org.yundangke;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import com.vaadin.flow.router.Route;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.base.FontStep;
import org.yundangke.branch.OrgLife;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.live.LiveDraft;
import org.yundangke.live.LiveMode;
import org.yundangke.live.LiveSessions;
import org.yundangke.quiz.Attempts;
import org.yundangke.quiz.Quizzes;
import org.springframework.data.domain.PageRequest;

/**
 * Every route, as each role that may open it (a page open to all: as member and admin), at the standard and the largest font step, 1280 and 390 px wide, in
 * Debian's Chromium with axe-core (from npm): no serious or critical axe violation; no sideways scroll (also at
 * 320 px and at 200 % zoom); text at 7:1 in 高对比度; every target a member can tap at least 60 × 60 px at the largest step and every target
 * anywhere at least 24 × 24 px; layout shift after load under 0.02. A screenshot of each lands in
 * {@code target/screenshots/routes/}. A route added to the app and not listed here fails the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yundangke.demo-lessons=true")
@ActiveProfiles("test")
class AccessibilityTest {

    /** Every route and who may open it ("" only forwards each user to their home, so it is visited, not checked). */
    static final Map<String, List<String>> ROUTES = routes();

    private static Map<String, List<String>> routes() {
        // a page every role may open is the same view for all, only the side menu differs (and each role's menu is
        // checked on its own pages): it is visited by the member (the largest targets) and the admin (the longest menu)
        List<String> everyone = List.of("member", "admin");
        Map<String, List<String>> routes = new LinkedHashMap<>();
        routes.put("login", List.of("anonymous"));
        routes.put("", List.of());
        routes.put("settings", everyone);
        routes.put("password", everyone);
        routes.put("help", everyone);
        routes.put("notices", everyone);
        routes.put("member", List.of("member"));
        routes.put("browse", List.of("member"));
        routes.put("quizzes", List.of("member"));
        routes.put("live", List.of("member"));
        routes.put("record", List.of("member"));
        routes.put("evidence", List.of("member"));
        routes.put("lessons/:lessonId", everyone);
        routes.put("courses/:courseId", everyone);
        routes.put("quizzes/:quizId", everyone);
        routes.put("attempts/:attemptId", List.of("member"));
        routes.put("live/:sessionId", everyone);
        routes.put("secretary", List.of("secretary"));
        routes.put("branches/:branchId", List.of("secretary", "admin"));
        routes.put("branches/:branchId/credit", List.of("secretary", "admin"));
        routes.put("branches/:branchId/study", List.of("secretary", "admin"));
        routes.put("branches/:branchId/groups", List.of("secretary", "admin"));
        routes.put("branches/:branchId/matrix", List.of("secretary", "admin"));
        routes.put("branches/:branchId/events", List.of("secretary", "admin"));
        routes.put("branches/:branchId/scorecard", List.of("secretary", "admin"));
        routes.put("events/:eventId", List.of("secretary", "admin"));
        routes.put("members/import", List.of("admin"));
        routes.put("results/quizzes", List.of("secretary", "admin"));
        routes.put("live/:sessionId/attendance", List.of("secretary", "lecturer", "admin"));
        routes.put("lecturer", List.of("lecturer"));
        routes.put("media", List.of("lecturer", "admin"));
        routes.put("lessons", List.of("lecturer", "admin"));
        routes.put("questions", List.of("lecturer", "admin"));
        routes.put("questions/import", List.of("lecturer", "admin"));
        routes.put("manage/quizzes", List.of("lecturer", "admin"));
        routes.put("manage/live", List.of("lecturer", "admin"));
        routes.put("admin", List.of("admin"));
        routes.put("credit", List.of("admin"));
        routes.put("credit-rules", List.of("admin"));
        routes.put("overview/:kind?/:id?", List.of("secretary", "admin"));
        routes.put("scorecard-standard", List.of("admin"));
        return routes;
    }

    /**
     * A window the page is loaded into at a font step, checked in full; then, without loading again, the same page
     * narrowed to {@code reflowWidth} × {@code reflowHeight} for the sideways scroll only (0: none), and, when
     * {@code contrast}, switched to 高对比度 for the 7:1 text check.
     */
    record Window(String name, int width, int height, FontStep step, int reflowWidth, int reflowHeight,
                  boolean contrast) {
    }

    static final List<Window> WINDOWS = List.of(
            // 200 % zoom of a 1280 × 900 window lays the page out in 640 × 450 CSS pixels
            new Window("standard-1280", 1280, 900, FontStep.STANDARD, 640, 450, true),
            new Window("standard-390", 390, 844, FontStep.STANDARD, 0, 0, false),
            new Window("huge-1280", 1280, 900, FontStep.HUGE, 0, 0, false),
            new Window("huge-390", 390, 844, FontStep.HUGE, 320, 640, false));

    static final Path SHOTS = Chromium.SCREENSHOTS.resolve("routes");


    @LocalServerPort
    int port;

    @Autowired
    Logins logins;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Quizzes quizzes;

    @Autowired
    Attempts attempts;

    @Autowired
    LiveSessions live;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OrgLife orgLife;

    @Autowired
    org.yundangke.committee.Rollups rollups;

    @Test
    void every_route_of_the_app_is_in_the_list() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<String> inApp = new TreeSet<>();
        for (var candidate : scanner.findCandidateComponents("org.yundangke")) {
            try {
                inApp.add(Class.forName(candidate.getBeanClassName()).getAnnotation(Route.class).value());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(new TreeSet<>(ROUTES.keySet())).as("routes checked for accessibility").isEqualTo(inApp);
    }

    @Test
    void every_route_passes_axe_reflows_has_large_targets_and_does_not_shift() throws Exception {
        Chromium.skipUnlessInstalled(AccessibilityTest.class);
        Map<String, String> paths = samplePaths();
        String axe = Axe.script();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        // two browsers side by side (the server and each browser wait on each other half the time); each takes
        // about half of the pages: the admin's, and everyone else's
        ExecutorService browsers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<String> users : List.of(List.of("admin", "anonymous"), List.of("member", "secretary", "lecturer"))) {
                done.add(browsers.submit(() -> {
                    try (Playwright own = Chromium.playwrightOrSkip(AccessibilityTest.class);
                         Browser browser = Chromium.launch(own)) {
                        users.forEach(user -> visitAll(browser, user, paths, axe, problems));
                    }
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            browsers.shutdownNow();
        }
        assertThat(problems).as("accessibility problems").isEmpty();
    }

    /** Every route {@code user} may open, in every window. */
    private void visitAll(Browser browser, String user, Map<String, String> paths, String axe, List<String> problems) {
        // -Da11y.routes=overview,scorecard checks only the routes containing one of the words (while working on them)
        List<String> only = List.of(System.getProperty("a11y.routes", "").split(",")).stream()
                .filter(w -> !w.isBlank()).toList();
        List<String> routes = ROUTES.entrySet().stream().filter(e -> e.getValue().contains(user))
                .map(Map.Entry::getKey).filter(r -> only.isEmpty() || only.stream().anyMatch(r::contains)).toList();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBypassCSP(true))) {
            Page page = context.newPage();
            page.setDefaultTimeout(30_000);
            page.addInitScript(LAYOUT_SHIFT_WATCH);
            if (!user.equals("anonymous")) {
                page.navigate(url("/login"));
                Chromium.logIn(page, user, "demo1234");
                page.waitForURL(u -> !u.contains("/login"));
            }
            for (Window window : WINDOWS) {
                context.addCookies(List.of(new Cookie("ydk-font-step", String.valueOf(window.step().ordinal()))
                        .setUrl(url("/"))));
                for (String route : routes) {
                    String where = user + " " + route + " " + window.name() + ": ";
                    page.setViewportSize(window.width(), window.height());
                    page.navigate(url("/" + paths.getOrDefault(route, route)));
                    settle(page);
                    problems.addAll(check(page, axe, window, user.equals("member")).stream()
                            .map(p -> where + p).toList());
                    page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SHOTS.resolve(
                            user + "_" + (route.isEmpty() ? "root" : route.replaceAll("[/:]+", "_")) + "_"
                                    + window.name() + ".png")));
                    if (window.reflowWidth() > 0) {
                        page.setViewportSize(window.reflowWidth(), window.reflowHeight());
                        settle(page);
                        if (scrollsSideways(page)) {
                            problems.add(where + "scrolls sideways at " + window.reflowWidth() + " px");
                        }
                    }
                }
            }
        }
    }

    /** Concrete addresses for the routes with parameters, from the demo data and a few made here. */
    private Map<String, String> samplePaths() {
        logins.as("lecturer");
        UUID session = live.schedule(new LiveDraft("无障碍检查报告会", "周宣讲", "检查每一页。",
                Instant.now().plus(1, ChronoUnit.HOURS), Instant.now().plus(2, ChronoUnit.HOURS),
                LiveMode.LINK, "https://meeting.example.cn/j/123", 60, Set.of())).id();
        logins.as("member");
        UUID lesson = catalogue.forMe(PageRequest.of(0, 1)).getContent().getFirst().id();
        UUID course = catalogue.coursesForMe().getFirst().id();
        UUID quiz = quizzes.forMe().getFirst().id();
        UUID attempt = attempts.start(quiz);
        logins.logout();
        long branch = jdbc.queryForObject("select id from branch where name = '梅园新村社区离退休干部党支部'", Long.class);
        logins.as("secretary");
        UUID event = orgLife.schedule(new OrgLife.NewEvent(branch, OrgLife.Kind.PARTY_DAY, Instant.now(), "支部活动室",
                null, "无障碍检查的主题党日")).id();
        logins.logout();
        Map<String, String> values = Map.of(":lessonId", lesson.toString(), ":courseId", course.toString(),
                ":quizId", quiz.toString(), ":attemptId", attempt.toString(), ":sessionId", session.toString(),
                ":branchId", String.valueOf(branch), ":eventId", event.toString(), "/:kind?/:id?", "");
        rollups.refresh(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear());
        Map<String, String> paths = new HashMap<>();
        for (String route : ROUTES.keySet()) {
            String path = route;
            for (Map.Entry<String, String> value : values.entrySet()) {
                path = path.replace(value.getKey(), value.getValue());
            }
            paths.put(route, path);
        }
        return paths;
    }

    /** Loaded, the server idle, and two more frames for late layout. */
    private static void settle(Page page) {
        page.waitForFunction("() => window.Vaadin && Vaadin.Flow && Object.values(Vaadin.Flow.clients || {}).length"
                + " && Object.values(Vaadin.Flow.clients).every(c => !c.isActive())");
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300))))");
    }

    private List<String> check(Page page, String axe, Window window, boolean member) {
        List<String> problems = new ArrayList<>();
        if (scrollsSideways(page)) {
            problems.add("scrolls sideways (" + page.evaluate("() => document.documentElement.scrollWidth") + " px)");
        }
        double shift = ((Number) page.evaluate("() => window.__ydkLayoutShift || 0")).doubleValue();
        if (shift >= 0.02) {
            problems.add("layout shift " + shift);
        }
        int least = member && window.step() == FontStep.HUGE ? 60 : 24;
        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) page.evaluate(SMALL_TARGETS, least);
        small.forEach(t -> problems.add("target under " + least + " px: " + t));
        injectAxe(page, axe);
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate(AXE_RUN, List.of());
        violations.forEach(v -> problems.add("axe " + v));
        if (window.contrast()) {
            page.evaluate("() => document.documentElement.setAttribute('data-contrast', 'high')");
            @SuppressWarnings("unchecked")
            List<String> low = (List<String>) page.evaluate(AXE_RUN, List.of("color-contrast-enhanced"));
            low.forEach(v -> problems.add("高对比度 text below 7:1: " + v));
            page.evaluate("() => document.documentElement.removeAttribute('data-contrast')");
        }
        return problems;
    }

    private static boolean scrollsSideways(Page page) {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1");
    }

    private static void injectAxe(Page page, String axe) {
        if (!(Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) {
            page.evaluate(axe);
        }
    }

    /** Sums layout shifts not caused by input, from the start of each page. */
    private static final String LAYOUT_SHIFT_WATCH = """
            window.__ydkLayoutShift = 0;
            new PerformanceObserver(list => {
              for (const e of list.getEntries()) if (!e.hadRecentInput) window.__ydkLayoutShift += e.value;
            }).observe({type: 'layout-shift', buffered: true});
            """;

    /**
     * Visible targets smaller than {@code least} px either way: links (not those inside running text), buttons,
     * fields, choices, the menu's items and the fields' own buttons.
     */
    private static final String SMALL_TARGETS = """
            least => {
              const selector = 'a[href], button, vaadin-button, vaadin-side-nav-item, vaadin-drawer-toggle,'
                + ' vaadin-checkbox, vaadin-radio-button, vaadin-text-field, vaadin-text-area, vaadin-password-field,'
                + ' vaadin-email-field, vaadin-integer-field, vaadin-number-field, vaadin-combo-box, vaadin-select,'
                + ' vaadin-date-picker, vaadin-date-time-picker, vaadin-time-picker, vaadin-multi-select-combo-box,'
                + ' vaadin-password-field-button, input:not([type=hidden]), select, textarea, summary,'
                + ' [role=button], [role=link], [role=checkbox], [role=radio], [role=tab]';
              const found = [];
              const inText = a => {
                const block = a.closest('p, li, td, .ydk-article');
                return block && block.textContent.trim().length > a.textContent.trim().length;
              };
              const visit = root => root.querySelectorAll(selector).forEach(el => {
                if (el.tagName === 'A' && inText(el)) return;
                if (el.closest('[hidden]')) return;
                if (el.tagName === 'INPUT' && el.closest('vaadin-text-field, vaadin-text-area, vaadin-password-field,'
                    + ' vaadin-email-field, vaadin-integer-field, vaadin-number-field, vaadin-combo-box,'
                    + ' vaadin-date-picker, vaadin-time-picker, vaadin-checkbox, vaadin-radio-button, vaadin-upload,'
                    + ' vaadin-multi-select-combo-box, vaadin-select, .ydk-upload-pick')) return;
                if (!el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) return;
                const r = el.getBoundingClientRect();
                if (r.width === 0 || r.height === 0 || r.right <= 0 || r.left >= innerWidth) return;
                if (Math.round(r.width) < least || Math.round(r.height) < least) {
                  const name = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('label') || '')
                    .trim().replace(/\\s+/g, ' ').slice(0, 30);
                  found.push(el.tagName.toLowerCase() + ' "' + name + '" ' + Math.round(r.width) + 'x'
                    + Math.round(r.height));
                }
              });
              visit(document);
              return [...new Set(found)];
            }
            """;

    /**
     * axe-core's default rule set (or only the rules given); the serious and critical violations, each with its first
     * element. {@code color-contrast-enhanced} (7:1) is asked for by name: it is off by default.
     */
    private static final String AXE_RUN = """
            async rules => {
              const options = rules.length ? {resultTypes: ['violations'], runOnly: {type: 'rule', values: rules}}
                : {resultTypes: ['violations']};
              const result = await axe.run(document, options);
              return result.violations.filter(v => rules.length || v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.id + ' (' + v.impact + ', ' + v.nodes.length + '×): ' + v.help + ' at '
                  + v.nodes[0].target.join(' ') + ' ' + (v.nodes[0].failureSummary || '').replace(/\\s+/g, ' ')
                    .slice(0, 200));
            }
            """;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
