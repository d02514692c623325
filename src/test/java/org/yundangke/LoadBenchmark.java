package org.yundangke;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.bench.BenchmarkReport;
import org.yundangke.bench.SessionHeap;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonDraft;
import org.yundangke.quiz.ui.QuizAnswers;
import org.yundangke.study.StudyProgress;

/**
 * Members studying at once, over real HTTP on loopback, bounded in time and count. Real browsers (Debian's Chromium)
 * log in and go home → catalogue → a lesson in one tab, as members do, and stay open: a heap dump then gives what each
 * member's session holds (the objects reachable only through the sessions, {@link SessionHeap}) and the sessions a
 * GB of heap holds; the times from a click to the page's own words give the page times. Other members take the
 * ten-question test on a phone-sized page and hand it in. Then a load generator in a process of its own
 * (wrk with {@code bench/progress.lua}) reports progress like the player for 100 members (a report per lesson in turn, as fast as
 * answered), warmed up before it is measured, while Java Flight Recorder samples where the app's CPU goes. H2 by
 * default; PostgreSQL with the properties in BENCHMARKS.md. Run: {@code mvn test -Pbench -Dtest=LoadBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "yundangke.demo-lessons=true")
@ActiveProfiles("test")
class LoadBenchmark {

    static final int BROWSER_MEMBERS = 24;
    static final int BROWSERS_AT_ONCE = 4;
    static final int HTTP_MEMBERS = 100;
    static final int LESSONS_EACH = 20;
    static final long HTTP_SECONDS = 20;
    static final int QUIZ_MEMBERS = 8;
    /** Reports before the measured ones, not counted: on 2 busy cores the JIT needs over a minute to compile the path. */
    static final long WARM_UP_SECONDS = 90;
    static final double STEP = 0.001;
    /** wrk's own threads: one per core leaves the app most of the CPU on these 2 cores. */
    static final int WRK_THREADS = 1;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired Logins logins;
    @Autowired Catalogue catalogue;
    @Autowired StudyProgress progress;

    @Test
    void members_study_at_once() throws Exception {
        Chromium.skipUnlessInstalled(getClass());
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/wrk")),
                "wrk is not installed (apt-get install wrk): it is the progress load's generator");
        List<String> all = makeMembers(Math.max(BROWSER_MEMBERS, HTTP_MEMBERS) + BROWSERS_AT_ONCE);
        List<String> warmUp = all.subList(all.size() - BROWSERS_AT_ONCE, all.size());
        List<String> members = all.subList(0, all.size() - BROWSERS_AT_ONCE);
        String database;
        try (var connection = jdbc.getDataSource().getConnection()) {
            database = connection.getMetaData().getDatabaseProductName();
        }

        // 1. browsers: home → catalogue → lesson in one tab each, left open. Playwright is driven from one thread
        // per instance, so each lane has its own Playwright and Chromium and opens its members one after another.
        // each lane first takes one more member through the pages (not counted): what the first visits warm up
        // once (class loading, caches) is not any one session's
        Map<String, List<Long>> pageMs = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.CountDownLatch warmed = new java.util.concurrent.CountDownLatch(BROWSERS_AT_ONCE);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch opened = new java.util.concurrent.CountDownLatch(BROWSERS_AT_ONCE);
        java.util.concurrent.CountDownLatch measured = new java.util.concurrent.CountDownLatch(1);
        List<String> quizTakers = members.subList(BROWSER_MEMBERS, BROWSER_MEMBERS + QUIZ_MEMBERS);
        SessionHeap.Result sessionHeap;
        try (ExecutorService lanes = Executors.newFixedThreadPool(BROWSERS_AT_ONCE)) {
            List<Future<?>> running = new ArrayList<>();
            for (int lane = 0; lane < BROWSERS_AT_ONCE; lane++) {
                List<String> mine = new ArrayList<>();
                for (int i = lane; i < BROWSER_MEMBERS; i += BROWSERS_AT_ONCE) {
                    mine.add(members.get(i));
                }
                String warmer = warmUp.get(lane);
                List<String> myQuizzes = new ArrayList<>();
                for (int i = lane; i < QUIZ_MEMBERS; i += BROWSERS_AT_ONCE) {
                    myQuizzes.add(quizTakers.get(i));
                }
                running.add(lanes.submit(() -> {
                    try (com.microsoft.playwright.Playwright playwright = Chromium.playwrightOrSkip(getClass());
                         Browser browser = Chromium.launch(playwright)) {
                        visit(browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)),
                                warmer);
                        warmed.countDown();
                        go.await();
                        List<BrowserContext> tabs = new ArrayList<>();
                        for (String member : mine) {
                            BrowserContext context = browser.newContext(
                                    new Browser.NewContextOptions().setViewportSize(1280, 900));
                            tabs.add(context);
                            visit(context, member).forEach((page, ms) -> pageMs.computeIfAbsent(page,
                                    p -> Collections.synchronizedList(new ArrayList<>())).add(ms));
                        }
                        opened.countDown();
                        measured.await(); // the tabs stay open until the heap is measured
                        tabs.forEach(BrowserContext::close);
                        for (String member : myQuizzes) {
                            BrowserContext context = browser.newContext(
                                    new Browser.NewContextOptions().setViewportSize(390, 844));
                            takeQuiz(context, member, (page, ms) -> pageMs.computeIfAbsent(page,
                                    p -> Collections.synchronizedList(new ArrayList<>())).add(ms));
                            context.close();
                        }
                    }
                    return null;
                }));
            }
            warmed.await();
            go.countDown();
            opened.await();
            // what the members' sessions hold, read from a heap dump (the Playwright clients in this JVM hold memory
            // of their own, so the heap's growth would overstate it)
            sessionHeap = SessionHeap.ofThisJvm("org.apache.catalina.session.StandardSession");
            measured.countDown(); // every lane takes its quizzes, then closes its browser
            for (Future<?> lane : running) {
                lane.get();
            }
        }
        long perSession = sessionHeap.perSession();

        // 2. plain HTTP: progress reports from every member's lessons, with the CPU sampled
        List<UUID> lessons = videoLessons(LESSONS_EACH);
        List<AppSession> sessions = new ArrayList<>();
        for (String member : members.subList(0, HTTP_MEMBERS)) {
            logins.as(member);
            lessons.forEach(progress::begin);
            sessions.add(AppSession.login(port, member, "demo1234"));
        }
        logins.logout();
        jdbc.update("update watch_progress set open_ms = 3600000, last_report_at = ? where username like 'load%'",
                Timestamp.from(Instant.now()));
        // the load generator is wrk (C, epoll) in a process of its own: its threads and allocation are not the app's,
        // and on these 2 shared cores it leaves the app most of the CPU. A first run warms the path up and is not counted;
        // the second starts further on in every lesson, so its reports are new study time too.
        Path clients = Files.createTempFile("load-members", ".tsv");
        String lessonIds = lessons.stream().map(UUID::toString).collect(Collectors.joining(","));
        Files.write(clients, sessions.stream().map(session -> String.join("\t", session.cookieHeader(),
                session.csrfHeader(), session.csrfToken(), lessonIds)).toList());
        long acceptedBefore = acceptedReports(); // the browsers' members read their lesson too
        Wrk warming = wrk(clients, WARM_UP_SECONDS, 0);
        Path jfr = Path.of("target/benchmarks/load-progress.jfr");
        Files.createDirectories(jfr.getParent());
        Wrk run;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(5)).withStackTrace();
            recording.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ofMillis(5)).withStackTrace();
            recording.enable("jdk.Compilation").withThreshold(Duration.ZERO);
            recording.enable("jdk.GCPhasePause").withThreshold(Duration.ZERO);
            recording.start();
            run = wrk(clients, HTTP_SECONDS, 1_000);
            recording.stop();
            recording.dump(jfr);
        }
        Files.delete(clients);
        double seconds = HTTP_SECONDS;
        long accepted = acceptedReports() - acceptedBefore;
        long sent = warming.requests() + run.requests();

        List<String> rows = new ArrayList<>(List.of("| figure | value |", "|---|---|",
                String.format("| heap per member session (home → catalogue → lesson, one tab; %d sessions) | **%.0f KB** |",
                        sessionHeap.sessions(), perSession / 1024.0),
                String.format("| member sessions per GB of heap | **%,.0f** |", 1e9 / perSession)));
        for (String page : List.of("login → home", "catalogue", "lesson", "quiz: start", "quiz: next question",
                "quiz: hand in → result")) {
            double[] ms = pageMs.get(page).stream().mapToDouble(Long::doubleValue).sorted().toArray();
            rows.add(String.format("| page time, %s: p50 / p95 (%d visits, %d browsers at once) | %.0f / **%.0f ms** |",
                    page, ms.length, BROWSERS_AT_ONCE, BenchmarkReport.percentile(ms, 50),
                    BenchmarkReport.percentile(ms, 95)));
        }
        rows.add(String.format("| progress reports over HTTP (%d members × %d lessons, wrk: %d connections) | **%.0f / s** |",
                HTTP_MEMBERS, LESSONS_EACH, sessions.size(), run.requests() / seconds));
        rows.add(String.format("| their latency p50 / p99 | %.1f / **%.1f ms** |", run.p50Micros() / 1e3,
                run.p99Micros() / 1e3));
        rows.add(String.format("| reports sent in all (with the %d s warm-up) / accepted | %d / %d |", WARM_UP_SECONDS,
                sent, accepted));
        rows.add("\nWhat a member's session holds (objects reachable only through the sessions, by class):\n\n"
                + sessionHeap.table(12));
        BenchmarkReport.write("Load on " + database + ": browsers and progress reports on loopback", String.join("\n",
                rows) + "\n\nWhere the CPU went while reporting (JFR execution samples, by the first frame outside the"
                + " JDK):\n\n" + cpuShares(jfr) + "\n\n" + compilationAndPauses(jfr, seconds));
        // wrk counts the answers it read: what was still on its way when a run ended (a report per connection at most)
        // reached the app too
        assertThat(accepted).isBetween(sent, sent + 2L * HTTP_MEMBERS);
    }

    /** What one wrk run did: reports answered, and their latency. */
    record Wrk(long requests, long p50Micros, long p99Micros) {
    }

    /**
     * Runs wrk for {@code seconds} with one connection per member and {@code bench/progress.lua}, the members' lessons
     * starting at {@code firstPosition}; fails at an answer that is not 200 or a connection error.
     */
    private Wrk wrk(Path clients, long seconds, double firstPosition) throws Exception {
        Process wrk = new ProcessBuilder("wrk", "-t" + WRK_THREADS, "-c" + HTTP_MEMBERS, "-d" + seconds + "s",
                "--timeout", "10s", "-s", "bench/progress.lua", "http://localhost:" + port, "--", clients.toString(),
                String.valueOf(WRK_THREADS), String.valueOf(STEP), String.valueOf(firstPosition))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(wrk.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(wrk.waitFor()).as("wrk's exit: %s", out).isZero();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "requests (\\d+) not-200 (\\d+) errors (\\d+) p50_us (\\d+) p99_us (\\d+)").matcher(out);
        assertThat(m.find()).as("wrk's summary in: %s", out).isTrue();
        assertThat(m.group(2) + " not 200, " + m.group(3) + " errors").isEqualTo("0 not 200, 0 errors");
        return new Wrk(Long.parseLong(m.group(1)), Long.parseLong(m.group(4)), Long.parseLong(m.group(5)));
    }

    /** On PostgreSQL the benchmark's schema goes, whatever happened (JobRunr would find its tables in any schema). */
    @AfterEach
    void dropSchema() throws java.sql.SQLException {
        BenchmarkReport.dropOwnSchema(jdbc);
    }

    /** Logs in, goes home, to the catalogue and into a lesson by clicking; the milliseconds of each page. */
    private Map<String, Long> visit(BrowserContext context, String member) {
        Page page = context.newPage();
        page.setDefaultTimeout(60_000);
        page.navigate("http://localhost:" + port + "/login");
        long t0 = System.nanoTime();
        Chromium.logIn(page, member, "demo1234");
        page.getByLabel("搜索党课").waitFor();
        long home = System.nanoTime();
        page.locator("vaadin-side-nav-item[path='browse']").click();
        page.locator("h2", new Page.LocatorOptions().setHasText("课程目录")).waitFor();
        page.locator("a[href^='lessons/']").first().waitFor();
        long catalogue = System.nanoTime();
        page.locator("a[href^='lessons/']").first().click();
        page.waitForURL("**/lessons/**");
        page.locator("ydk-reader, ydk-player").first().waitFor();
        long lesson = System.nanoTime();
        return Map.of("login → home", (home - t0) / 1_000_000, "catalogue", (catalogue - home) / 1_000_000,
                "lesson", (lesson - catalogue) / 1_000_000);
    }

    /** Opens the catalogue of tests, takes the ten-question test and hands it in; the milliseconds of each step. */
    private void takeQuiz(BrowserContext context, String member, java.util.function.BiConsumer<String, Long> times) {
        Page page = context.newPage();
        page.setDefaultTimeout(60_000);
        page.navigate("http://localhost:" + port + "/login");
        Chromium.logIn(page, member, "demo1234");
        page.getByLabel("搜索党课").waitFor();
        page.navigate("http://localhost:" + port + "/quizzes");
        page.locator("a.ydk-card-link", new Page.LocatorOptions().setHasText("党章知识测验")).click();
        long t0 = System.nanoTime();
        page.locator("vaadin-button", new Page.LocatorOptions().setHasText("开始答题")).click();
        page.locator(".ydk-attempt-progress", new Page.LocatorOptions().setHasText("第 1 题")).waitFor();
        times.accept("quiz: start", (System.nanoTime() - t0) / 1_000_000);
        for (int i = 1; i <= 10; i++) {
            QuizAnswers.answer(page);
            if (i < 10) {
                long before = System.nanoTime();
                page.locator("vaadin-button", new Page.LocatorOptions().setHasText("下一题")).click();
                page.locator(".ydk-attempt-progress", new Page.LocatorOptions().setHasText("第 " + (i + 1) + " 题"))
                        .waitFor();
                times.accept("quiz: next question", (System.nanoTime() - before) / 1_000_000);
            }
        }
        long handIn = System.nanoTime();
        page.locator("vaadin-button", new Page.LocatorOptions().setHasText("答题情况，交卷")).click();
        page.locator("vaadin-button", new Page.LocatorOptions().setHasText("交卷").setHasNotText("答题情况")).click();
        page.locator(".ydk-result").waitFor();
        times.accept("quiz: hand in → result", (System.nanoTime() - handIn) / 1_000_000);
    }

    /** Shares of the samples by the first frame outside the JDK. */
    private static String cpuShares(Path jfr) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            String where = "JDK only (no frame of a library or of the app)";
            for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                String type = frame.getMethod().getType().getName();
                if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                    where = area(type);
                    break;
                }
            }
            counts.merge(where, 1, Integer::sum);
            total++;
        }
        int samples = total;
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Collections.reverseOrder(Map.Entry.comparingByValue()));
        return "| where | share of samples |\n|---|---|\n" + sorted.stream().limit(10)
                .map(e -> String.format("| %s | %.0f %% |", e.getKey(), 100.0 * e.getValue() / samples))
                .collect(Collectors.joining("\n")) + String.format("\n| (samples) | %d |", samples);
    }

    /** Time the JIT compilers spent and the collector paused the application during the measured seconds. */
    private static String compilationAndPauses(Path jfr, double seconds) throws Exception {
        long compilations = 0;
        double compileMs = 0;
        long pauses = 0;
        double pauseMs = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            switch (event.getEventType().getName()) {
                case "jdk.Compilation" -> {
                    compilations++;
                    compileMs += event.getDuration().toNanos() / 1e6;
                }
                case "jdk.GCPhasePause" -> {
                    pauses++;
                    pauseMs += event.getDuration().toNanos() / 1e6;
                }
                default -> {
                }
            }
        }
        return String.format("| during the %.0f s measured | count | time | share of one core |%n|---|---|---|---|%n"
                + "| JIT compilations | %d | %.0f ms | %.0f %% |%n| collector pauses | %d | %.0f ms | %.1f %% |",
                seconds, compilations, compileMs, compileMs / (10 * seconds), pauses, pauseMs,
                pauseMs / (10 * seconds));
    }

    private static String area(String type) {
        if (type.startsWith("org.yundangke.study")) {
            return "study (the report's rules)";
        }
        if (type.startsWith("org.yundangke")) {
            return "other app code (" + type.split("\\.")[2] + ")";
        }
        String[] parts = type.split("\\.");
        return parts.length > 2 ? parts[0] + "." + parts[1] + "." + parts[2] : type;
    }

    private List<String> makeMembers(int count) {
        String hash = jdbc.queryForObject("select password_hash from user_account where username = 'member'",
                String.class);
        long branch = jdbc.queryForObject("select m.primary_branch_id from member m join user_account u"
                + " on u.member_id = m.id where u.username = 'member'", Long.class);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String username = "load" + i;
            long member = TestMembers.add(jdbc, "压测党员" + i, branch);
            jdbc.update("insert into user_account (username, password_hash, display_name, member_id) values"
                    + " (?, ?, ?, ?)", username, hash, "压测党员" + i, member);
            jdbc.update("insert into user_role (user_id, role) select id, 'MEMBER' from user_account where username = ?",
                    username);
            names.add(username);
        }
        return names;
    }

    private List<UUID> videoLessons(int count) {
        logins.as("lecturer");
        List<UUID> lessons = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID talk = TestTalks.ready(jdbc, "lecturer", "load", 3600);
            UUID lesson = catalogue.createDraft(new LessonDraft(talk, "压测讲座 " + i, "周", "", "党史学习", Set.of())).id();
            catalogue.publish(lesson);
            lessons.add(lesson);
        }
        logins.logout();
        return lessons;
    }

    private long acceptedReports() {
        long ms = jdbc.queryForObject("select coalesce(sum(unique_ms), 0) from watch_progress where username like 'load%'",
                Long.class);
        return Math.round(ms / (STEP * 1000));
    }
}
