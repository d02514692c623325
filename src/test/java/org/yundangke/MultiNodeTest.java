package org.yundangke;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jobrunr.server.BackgroundJobServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.storage.EmbeddedObjectStore;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonDraft;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.media.FfmpegTools;
import org.yundangke.media.MediaInfo;
import org.yundangke.media.SampleTalks;
import org.yundangke.media.Uploads;
import org.yundangke.study.StudyProgress;

/**
 * Two app nodes that share one PostgreSQL database and one object store, as in the compose stack: node A is this
 * test's Spring context, node B a second JVM started from the same classes with its own port, data folder and search
 * index. Both run job servers. A transcode enqueued through A runs once; a lesson completed through A shows on B's
 * record page; a lesson published on A is found by B's search within seconds; a member on B whose node is killed
 * continues on A after a reload (the device is remembered in the shared database), at the same position with the same
 * time studied. Skipped with a printed reason without PostgreSQL on localhost:5432 or Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EnabledIf("org.yundangke.PostgresPathTest#postgresAvailable")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeTest {

    static final String SCHEMA = "nodes_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    static final Path ROOT = Path.of("target/multi-node");
    static final EmbeddedObjectStore STORE = startStore();

    @RegisterExtension
    static final Chromium.Session chromium = new Chromium.Session("--autoplay-policy=no-user-gesture-required");

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired Logins logins;
    @Autowired Uploads uploads;
    @Autowired Catalogue catalogue;
    @Autowired StudyProgress progress;
    @Autowired StudyCalendar calendar;
    @Autowired FfmpegTools ffmpeg;
    @Autowired BackgroundJobServer jobServer;

    Process nodeB;
    int portB;
    BrowserContext member;
    /** The talk transcoded in the first test, published as a lesson in the second. */
    static UUID talk;
    static LessonInfo videoLesson;

    static EmbeddedObjectStore startStore() {
        try {
            return EmbeddedObjectStore.start(ROOT.resolve("store"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void shared(DynamicPropertyRegistry registry) {
        sharedSettings().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("yundangke.data-dir", () -> ROOT.resolve("a").toString());
        registry.add("jobrunr.background-job-server.enabled", () -> "true");
    }

    /** What both nodes are told: the database schema, the object store, a quick job poll. */
    static java.util.Map<String, String> sharedSettings() {
        return java.util.Map.of(
                "spring.datasource.url", MigrationsTest.PG_URL + "?currentSchema=" + SCHEMA,
                "spring.datasource.username", MigrationsTest.PG_USER,
                "spring.datasource.password", MigrationsTest.PG_PASSWORD,
                "spring.flyway.schemas", SCHEMA,
                "spring.flyway.create-schemas", "true",
                "yundangke.s3.endpoint", STORE.endpoint(),
                "yundangke.s3.access-key", STORE.accessKey(),
                "yundangke.s3.secret-key", STORE.secretKey(),
                "jobrunr.background-job-server.poll-interval-in-seconds", "5");
    }

    /** A second app JVM from the same classes: its own ports and data folder, the given settings. */
    record Node(Process process, int port) {
    }

    static Node startNode(String name, Map<String, String> settings) throws Exception {
        int port = freePort();
        int management = freePort();
        Path data = Files.createDirectories(ROOT.resolve(name + "-" + SCHEMA));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Xmx768m", "-Xshare:off",
                "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir", "data/javacpp"),
                "-cp", appClasspath(), Application.class.getName(),
                "--server.port=" + port, "--management.server.port=" + management,
                "--yundangke.data-dir=" + data, "--yundangke.live.ingest=false", "--yundangke.demo-lessons=false"));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("node.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://localhost:" + management + "/actuator/health/readiness");
        try {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                assertThat(process.isAlive()).as("node " + name + " exited; see " + data.resolve("node.log")).isTrue();
                try {
                    return http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                            .statusCode() == 200;
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (Throwable failed) {
            System.out.println(tail(data.resolve("node.log")));
            process.destroyForcibly();
            throw failed;
        }
        return new Node(process, port);
    }

    @BeforeAll
    void startNodeB() throws Exception {
        Node b = startNode("b", sharedSettings());
        nodeB = b.process();
        portB = b.port();
        member = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(390, 844));
        Page page = member.newPage();
        page.setDefaultTimeout(60_000);
        page.navigate(b("/login"));
        page.getByLabel("在这台设备上记住我").check();
        Chromium.logIn(page, "member", "demo1234");
        page.waitForURL(url -> !url.contains("/login"));
        assertThat(member.cookies()).as("the device is remembered").anyMatch(c -> c.name.equals("remember-me"));
    }

    @AfterAll
    void stop() throws Exception {
        if (jobServer.isRunning()) {
            jobServer.stop(); // it polls the schema that goes next (the context closes after this class)
        }
        if (member != null) {
            member.close();
        }
        if (nodeB != null) {
            nodeB.destroyForcibly().waitFor();
        }
        STORE.close();
        try {
            dropSchema();
        } catch (SQLException e) {
            System.out.println("could not drop " + SCHEMA + ": " + e.getMessage());
        }
    }

    @Test
    @Order(1)
    void a_transcode_enqueued_through_one_node_runs_once() throws Exception {
        Path file = SampleTalks.make(ffmpeg, ROOT.resolve("talk-" + SCHEMA + ".mp4"), "-f", "lavfi",
                "-i", "testsrc2=duration=40:size=320x180:rate=15", "-f", "lavfi", "-i", "sine=duration=40",
                "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest");
        long size = Files.size(file);
        var upload = uploads.start("lecturer", "两个节点.mp4", size, 1);
        int chunk = upload.chunkSize();
        try (InputStream in = Files.newInputStream(file)) {
            for (int part = 1; part <= upload.totalParts(); part++) {
                byte[] bytes = in.readNBytes(chunk);
                uploads.receivePart(upload.mediaId(), "lecturer", part, new java.io.ByteArrayInputStream(bytes));
            }
        }
        MediaInfo accepted = uploads.complete(upload.mediaId(), "lecturer");
        talk = accepted.id();

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                jdbc.queryForObject("select state from media where id = ?", String.class, talk).equals("READY"));
        List<String> jobs = jdbc.queryForList("select jobasjson from jobrunr_jobs where jobasjson like ?",
                String.class, "%Transcode talk " + talk + "%");
        assertThat(jobs).hasSize(1);
        assertThat(jdbc.queryForObject("select state from jobrunr_jobs where jobasjson like ?", String.class,
                "%Transcode talk " + talk + "%")).isEqualTo("SUCCEEDED");
        Matcher processing = Pattern.compile("ProcessingState\"[^}]*?\"serverName\":\"([^\"]+)\"").matcher(jobs.getFirst());
        List<String> servers = processing.results().map(m -> m.group(1)).toList();
        assertThat(servers).as("processed once").hasSize(1);
        System.out.println("The transcode ran once, on " + servers.getFirst());
        assertThat(jdbc.queryForObject("select count(*) from jobrunr_backgroundjobservers", Integer.class))
                .as("both nodes run a job server").isEqualTo(2);
    }

    @Test
    @Order(2)
    void a_lesson_published_on_one_node_is_found_by_search_on_the_other() {
        logins.as("lecturer");
        videoLesson = catalogue.createDraft(new LessonDraft(talk, "井冈山精神两地宣讲", "周宣讲", "红色传统", "党史学习",
                Set.of()));
        catalogue.publish(videoLesson.id());
        logins.logout();

        Page page = member.newPage();
        page.navigate(b("/member"));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            page.getByLabel("搜索党课").fill("井冈山精神");
            page.locator("vaadin-button", new Page.LocatorOptions().setHasText("搜索")).click();
            assertThat(page.locator("body")).containsText("井冈山精神两地宣讲",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(1_000));
        });
        page.close();
    }

    @Test
    @Order(3)
    void a_lesson_completed_on_one_node_shows_on_the_others_record_page() {
        logins.as("lecturer");
        UUID articleTalk = TestTalks.ready(jdbc, "lecturer", "两个节点的一讲", 1200);
        LessonInfo lesson = catalogue.createDraft(new LessonDraft(articleTalk, "两个节点都记得的一课", "周宣讲", "",
                "党史学习", Set.of()));
        catalogue.publish(lesson.id());
        logins.as("member");
        progress.begin(lesson.id());
        // the page has been open for 20 minutes (the server's clock bounds what a report may add)
        jdbc.update("update watch_progress set last_report_at = ?, open_ms = ? where lesson_id = ?",
                Timestamp.from(calendar.now().minusSeconds(10)), 20 * 60_000, lesson.id());
        assertThat(progress.report(lesson.id(), List.of(new double[]{0, 1200}), 1200).completed()).isTrue();
        logins.logout();
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from credit_entry"
                + " where source = 'LESSON' and source_id like ?", Integer.class, lesson.id() + "@%") >= 1);

        Page page = member.newPage();
        page.navigate(b("/record"));
        assertThat(page.locator("body")).containsText("两个节点都记得的一课");
        page.close();
    }

    @Test
    @Order(4)
    void a_member_whose_node_is_killed_continues_on_the_other_after_a_reload() throws Exception {
        Page page = member.newPage();
        page.navigate(b("/lessons/" + videoLesson.id()));
        page.waitForFunction("() => { const v = document.querySelector('ydk-player video');"
                + " if (v && v.paused) { v.muted = true; v.play(); } return v && v.currentTime > 6; }");
        page.evaluate("() => document.querySelector('ydk-player').report(false)");
        String member = "member";
        await().atMost(Duration.ofSeconds(20)).until(() -> studied(member) > 3_000);

        nodeB.destroyForcibly().waitFor(); // no goodbye: the node is gone with the member's Vaadin session
        long studiedOnB = studied(member);
        double positionOnB = jdbc.queryForObject("select last_position_s from watch_progress where username = ?"
                + " and lesson_id = ?", Double.class, member, videoLesson.id());

        page.navigate(a("/lessons/" + videoLesson.id())); // the proxy sends the reload to the node that is left
        page.waitForLoadState();
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve("multi-node-reload.png")));
        System.out.println("After the reload on A: " + page.url());
        assertThat(page.locator("ydk-player video")).isVisible(); // logged in again by the remembered device
        page.waitForFunction("p => { const v = document.querySelector('ydk-player video'); return v && v.readyState > 0"
                + " && Math.abs(v.currentTime - p) < 1.5; }", positionOnB);
        assertThat(studied(member)).as("the time studied on B is kept").isGreaterThanOrEqualTo(studiedOnB);
        page.evaluate("() => { const v = document.querySelector('ydk-player video'); v.muted = true; v.play(); }");
        page.waitForFunction("p => document.querySelector('ydk-player video').currentTime > p + 4", positionOnB);
        page.evaluate("() => document.querySelector('ydk-player').report(false)");
        await().atMost(Duration.ofSeconds(20)).until(() -> studied(member) > studiedOnB + 2_000);
        page.close();
    }

    @Test
    @Order(5)
    void a_backup_restored_after_everything_was_lost_has_the_same_lessons_media_and_ledger() throws Exception {
        Path pgDump = postgresTool("pg_dump");
        Assumptions.assumeTrue(pgDump != null, "pg_dump is not installed");
        jobServer.stop(); // node A is about to lose its database
        Map<String, Long> before = counts();
        assertThat(before.get("ledger entries")).isPositive();

        // back up: the database with pg_dump, every object copied out through S3 (what `mc mirror` does for MinIO)
        Path backup = Files.createDirectories(ROOT.resolve("backup-" + SCHEMA));
        postgres(pgDump, "--format=custom", "--schema=" + SCHEMA, "--file=" + backup.resolve("database.dump"));
        long objects = mirror(client(STORE), backup.resolve("objects"));
        assertThat(objects).isPositive();

        // everything is lost
        dropSchema();

        // restore into the emptied database and a new, empty object store; a fresh node starts on them
        postgres(postgresTool("pg_restore"), backup.resolve("database.dump").toString());
        try (EmbeddedObjectStore restored = EmbeddedObjectStore.start(ROOT.resolve("restored-store-" + SCHEMA))) {
            assertThat(restore(backup.resolve("objects"), client(restored))).isEqualTo(objects);
            Map<String, String> settings = new java.util.HashMap<>(sharedSettings());
            settings.put("yundangke.s3.endpoint", restored.endpoint());
            settings.put("yundangke.s3.access-key", restored.accessKey());
            settings.put("yundangke.s3.secret-key", restored.secretKey());
            Node c = startNode("c", settings);
            try (BrowserContext browser = chromium.browser().newContext()) {
                assertThat(counts()).isEqualTo(before);
                Page page = browser.newPage();
                page.setDefaultTimeout(60_000);
                page.navigate("http://localhost:" + c.port() + "/login");
                Chromium.logIn(page, "member", "demo1234");
                page.waitForURL(url -> !url.contains("/login"));
                page.navigate("http://localhost:" + c.port() + "/record");
                assertThat(page.locator("body")).containsText("两个节点都记得的一课");
                page.navigate("http://localhost:" + c.port() + "/lessons/" + videoLesson.id());
                page.waitForFunction("() => { const v = document.querySelector('ydk-player video');"
                        + " if (v && v.paused) { v.muted = true; v.play(); } return v && v.currentTime > 1; }");
            } finally {
                c.process().destroyForcibly().waitFor();
            }
        }
    }

    /** What a restore must bring back, counted in the database. */
    private Map<String, Long> counts() {
        return Map.of(
                "lessons", jdbc.queryForObject("select count(*) from lesson", Long.class),
                "talks ready", jdbc.queryForObject("select count(*) from media where state = 'READY'", Long.class),
                "ledger entries", jdbc.queryForObject("select count(*) from credit_entry", Long.class),
                "ledger amount", jdbc.queryForObject("select coalesce(sum(amount * 100), 0) from credit_entry",
                        java.math.BigDecimal.class).longValue(),
                "studied", jdbc.queryForObject("select coalesce(sum(unique_ms), 0) from watch_progress", Long.class));
    }

    private static io.minio.MinioClient client(EmbeddedObjectStore store) {
        return io.minio.MinioClient.builder().endpoint(store.endpoint()).region("us-east-1")
                .credentials(store.accessKey(), store.secretKey()).build();
    }

    /** Copies every object of every bucket into {@code folder/bucket/name}; how many. */
    private static long mirror(io.minio.MinioClient store, Path folder) throws Exception {
        long copied = 0;
        for (var bucket : store.listBuckets()) {
            for (var item : store.listObjects(io.minio.ListObjectsArgs.builder().bucket(bucket.name()).recursive(true)
                    .build())) {
                Path file = folder.resolve(bucket.name()).resolve(item.get().objectName());
                Files.createDirectories(file.getParent());
                try (InputStream in = store.getObject(io.minio.GetObjectArgs.builder().bucket(bucket.name())
                        .object(item.get().objectName()).build())) {
                    Files.copy(in, file);
                }
                copied++;
            }
        }
        return copied;
    }

    /** Puts every file under {@code folder/bucket/} back as an object of that bucket; how many. */
    private static long restore(Path folder, io.minio.MinioClient store) throws Exception {
        long restored = 0;
        try (var buckets = Files.list(folder)) {
            for (Path bucket : buckets.toList()) {
                String name = bucket.getFileName().toString();
                if (!store.bucketExists(io.minio.BucketExistsArgs.builder().bucket(name).build())) {
                    store.makeBucket(io.minio.MakeBucketArgs.builder().bucket(name).build());
                }
                try (var files = Files.walk(bucket)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        store.uploadObject(io.minio.UploadObjectArgs.builder().bucket(name)
                                .object(bucket.relativize(file).toString()).filename(file.toString()).build());
                        restored++;
                    }
                }
            }
        }
        return restored;
    }

    /** Debian's PostgreSQL client tool of the server's major version, or null. */
    private static Path postgresTool(String name) {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.sorted(java.util.Comparator.reverseOrder()).map(v -> v.resolve("bin").resolve(name))
                    .filter(Files::isExecutable).findFirst().orElse(null);
        } catch (IOException none) {
            return null;
        }
    }

    /** Runs a PostgreSQL client tool against the test database; fails with its output when it fails. */
    private static void postgres(Path tool, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(tool.toString(),
                "--dbname=" + MigrationsTest.PG_URL.replaceFirst("^jdbc:", ""), "--username=" + MigrationsTest.PG_USER,
                "--no-password"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", MigrationsTest.PG_PASSWORD);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(tool.getFileName() + ": " + output).isZero();
    }

    private static void dropSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(MigrationsTest.PG_URL, MigrationsTest.PG_USER,
                MigrationsTest.PG_PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    private long studied(String member) {
        List<Long> rows = jdbc.queryForList("select unique_ms from watch_progress where username = ? and lesson_id = ?",
                Long.class, member, videoLesson.id());
        return rows.isEmpty() ? 0 : rows.getFirst();
    }

    private String a(String path) {
        return "http://localhost:" + port + path;
    }

    private String b(String path) {
        return "http://localhost:" + portB + path;
    }

    /** The app's own classes and libraries as this test runs them, without the test classes. */
    private static String appClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(java.io.File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }
}
