package org.yundangke;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.bench.BenchmarkReport;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonDraft;
import org.yundangke.study.StudyProgress;

/**
 * Members studying at once, over real HTTP on loopback, bounded in time and count. Real browsers (Debian's Chromium)
 * log in and go home → catalogue → a lesson in one tab, as members do, and stay open: the heap they hold, measured
 * after a full collection, gives the bytes of one member's Vaadin session and the sessions a GB of heap holds; the
 * times from a click to the page's own words give the page times. Then plain HTTP clients, one per member, report
 * progress like the player (a report per lesson in turn, as fast as answered) while Java Flight Recorder samples where
 * the CPU goes. H2 by default; PostgreSQL with the properties in BENCHMARKS.md. Run:
 * {@code mvn test -Pbench -Dtest=LoadBenchmark}.
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
    /** After the tabs close: how long until their screens should be gone (the goal: two minutes). */
    static final Duration AFTER_CLOSING = Duration.ofSeconds(130);
    static final double STEP = 0.001;

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired Logins logins;
    @Autowired Catalogue catalogue;
    @Autowired StudyProgress progress;

    @Test
    void members_study_at_once() throws Exception {
        Chromium.skipUnlessInstalled(getClass());
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
        long heapBefore;
        long heapWith;
        try (ExecutorService lanes = Executors.newFixedThreadPool(BROWSERS_AT_ONCE)) {
            List<Future<?>> running = new ArrayList<>();
            for (int lane = 0; lane < BROWSERS_AT_ONCE; lane++) {
                List<String> mine = new ArrayList<>();
                for (int i = lane; i < BROWSER_MEMBERS; i += BROWSERS_AT_ONCE) {
                    mine.add(members.get(i));
                }
                String warmer = warmUp.get(lane);
                running.add(lanes.submit(() -> {
                    try (com.microsoft.playwright.Playwright playwright = Chromium.playwrightOrSkip(getClass());
                         Browser browser = Chromium.launch(playwright)) {
                        visit(browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900)),
                                warmer);
                        warmed.countDown();
                        go.await();
                        for (String member : mine) {
                            BrowserContext context = browser.newContext(
                                    new Browser.NewContextOptions().setViewportSize(1280, 900));
                            visit(context, member).forEach((page, ms) -> pageMs.computeIfAbsent(page,
                                    p -> Collections.synchronizedList(new ArrayList<>())).add(ms));
                        }
                        opened.countDown();
                        measured.await(); // the tabs stay open until the heap is measured
                    }
                    return null;
                }));
            }
            warmed.await();
            heapBefore = usedHeapAfterGc();
            go.countDown();
            opened.await();
            heapWith = usedHeapAfterGc();
            measured.countDown(); // every lane closes its browser: the tabs are gone
            for (Future<?> lane : running) {
                lane.get();
            }
        }
        long perSession = (heapWith - heapBefore) / BROWSER_MEMBERS;
        Thread.sleep(AFTER_CLOSING.toMillis());
        long heapAfterClosing = usedHeapAfterGc();
        double freed = (heapWith - heapAfterClosing) / (double) (heapWith - heapBefore);

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
        long acceptedBefore = acceptedReports();
        Path jfr = Path.of("target/benchmarks/load-progress.jfr");
        Files.createDirectories(jfr.getParent());
        long[] latencies;
        double seconds;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.enable("jdk.ThreadPark").withThreshold(Duration.ofMillis(5)).withStackTrace();
            recording.enable("jdk.JavaMonitorEnter").withThreshold(Duration.ofMillis(5)).withStackTrace();
            recording.enable("jdk.SocketRead").withThreshold(Duration.ofMillis(5)).withStackTrace();
            recording.start();
            long start = System.nanoTime();
            latencies = report(sessions, lessons, start + HTTP_SECONDS * 1_000_000_000L);
            seconds = (System.nanoTime() - start) / 1e9;
            recording.stop();
            recording.dump(jfr);
        }
        long accepted = acceptedReports() - acceptedBefore;
        double[] sorted = Arrays.stream(latencies).sorted().asDoubleStream().toArray();

        List<String> rows = new ArrayList<>(List.of("| figure | value |", "|---|---|",
                String.format("| heap per member session (home → catalogue → lesson, one tab; %d members) | **%.0f KB** |",
                        BROWSER_MEMBERS, perSession / 1024.0),
                String.format("| member sessions per GB of heap | **%,.0f** |", 1e9 / perSession),
                String.format("| share of that heap freed %d s after the tabs closed | %.0f %% |",
                        AFTER_CLOSING.toSeconds(), 100 * freed)));
        for (String page : List.of("login → home", "catalogue", "lesson")) {
            double[] ms = pageMs.get(page).stream().mapToDouble(Long::doubleValue).sorted().toArray();
            rows.add(String.format("| page time, %s: p50 / p95 (%d visits, %d browsers at once) | %.0f / **%.0f ms** |",
                    page, ms.length, BROWSERS_AT_ONCE, BenchmarkReport.percentile(ms, 50),
                    BenchmarkReport.percentile(ms, 95)));
        }
        rows.add(String.format("| progress reports over HTTP (%d members × %d lessons, %d clients) | **%.0f / s** |",
                HTTP_MEMBERS, LESSONS_EACH, sessions.size(), accepted / seconds));
        rows.add(String.format("| their latency p50 / p99 | %.1f / **%.1f ms** |",
                BenchmarkReport.percentile(sorted, 50) / 1e6, BenchmarkReport.percentile(sorted, 99) / 1e6));
        rows.add(String.format("| reports sent / accepted | %d / %d |", latencies.length, accepted));
        BenchmarkReport.write("Load on " + database + ": browsers and progress reports on loopback", String.join("\n",
                rows) + "\n\nWhere the CPU went while reporting (JFR execution samples, by the first frame outside the"
                + " JDK):\n\n" + cpuShares(jfr));
        assertThat(accepted).isEqualTo(latencies.length);
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

    /** Each client reports on its member's lessons in turn until the end; every latency in nanoseconds. */
    private long[] report(List<AppSession> sessions, List<UUID> lessons, long end) throws Exception {
        ConcurrentLinkedQueue<long[]> all = new ConcurrentLinkedQueue<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(sessions.size())) {
            List<Future<?>> clients = new ArrayList<>();
            for (AppSession session : sessions) {
                clients.add(pool.submit(() -> {
                    double[] position = new double[lessons.size()];
                    long[] mine = new long[4_096];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        int i = n % lessons.size();
                        double from = position[i];
                        position[i] = from + STEP;
                        long t0 = System.nanoTime();
                        HttpResponse<String> answer = session.postJson("/api/progress", String.format(
                                "{\"lessonId\":\"%s\",\"spans\":[[%.3f,%.3f]],\"position\":%.3f}",
                                lessons.get(i), from, from + STEP, from + STEP));
                        if (answer.statusCode() != 200) {
                            throw new IllegalStateException(answer.statusCode() + " " + answer.body());
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = System.nanoTime() - t0;
                    }
                    all.add(Arrays.copyOf(mine, n));
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        }
        return all.stream().flatMapToLong(Arrays::stream).toArray();
    }

    /** Shares of the samples by the first frame outside the JDK (the load generator's HTTP client counts as JDK). */
    private static String cpuShares(Path jfr) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            String where = "JDK only (incl. the load generator's HTTP client, GC-free JIT code)";
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

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
