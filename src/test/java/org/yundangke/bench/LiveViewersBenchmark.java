package org.yundangke.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.AppSession;
import org.yundangke.Logins;
import org.yundangke.base.storage.ObjectBytes;
import org.yundangke.base.storage.ObjectStoreProperties;
import org.yundangke.media.LiveStreams;
import org.yundangke.media.MediaLibrary;

/**
 * How many live viewers one node serves: concurrent viewers each fetching the live playlist and a segment in a loop
 * (a real player asks for both every 2 s, so one viewer is one segment every 2 s), through the app's token-checked
 * playback from the object store, against the same files served by the JDK's static file server in the same run.
 * Run: {@code mvn test -Pbench -Dtest=LiveViewersBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LiveViewersBenchmark {

    static final int VIEWERS = 64;
    static final long SECONDS = 15;
    /** 2 s of 1.5 Mbit/s video and audio, as the ingest writes them. */
    static final int SEGMENT_BYTES = 375_000;
    static final int SEGMENTS = 6;

    @LocalServerPort
    int port;

    @Autowired
    LiveStreams streams;

    @Autowired
    MediaLibrary library;

    @Autowired
    ObjectBytes objects;

    @Autowired
    ObjectStoreProperties store;

    @Autowired
    Logins logins;

    @Test
    void segment_requests_per_second_app_against_static_files() throws Exception {
        UUID media = streams.open("lecturer", "压测直播");
        Path dir = Files.createTempDirectory("live-bench");
        Random random = new Random(7);
        StringBuilder playlist = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n"
                + "#EXT-X-MEDIA-SEQUENCE:0\n");
        for (int i = 0; i < SEGMENTS; i++) {
            byte[] segment = new byte[SEGMENT_BYTES];
            random.nextBytes(segment);
            String name = String.format("seg_%05d.ts", i);
            Files.write(dir.resolve(name), segment);
            objects.put(store.mediaBucket(), "media/" + media + "/hls/live/" + name, segment, "video/mp2t");
            playlist.append("#EXTINF:2.000000,\n").append(name).append('\n');
        }
        Files.writeString(dir.resolve("index.m3u8"), playlist);
        objects.put(store.mediaBucket(), "media/" + media + "/hls/live/index.m3u8",
                playlist.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/vnd.apple.mpegurl");

        logins.as("lecturer");
        String base = library.play(media).masterUrl().replace("master.m3u8", "live/");
        logins.logout();
        AppSession viewer = AppSession.login(port, "lecturer", "demo1234");
        Result app = run(path -> viewer.getBytes(base + path, null));

        HttpServer files = SimpleFileServer.createFileServer(new InetSocketAddress("127.0.0.1", 0), dir,
                SimpleFileServer.OutputLevel.NONE);
        files.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        files.start();
        HttpClient client = HttpClient.newHttpClient();
        String staticBase = "http://127.0.0.1:" + files.getAddress().getPort() + "/";
        Result plain;
        try {
            plain = run(path -> client.send(HttpRequest.newBuilder(URI.create(staticBase + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        } finally {
            files.stop(0);
        }
        assertThat(app.segments()).isPositive();
        BenchmarkReport.write("Live viewers (issue 14)", String.format("""
                %d viewers, each looping playlist + one %d KB segment, %d s per side, client in the same JVM.

                | served by | segments / s | p50 | p99 | viewers at one segment per 2 s |
                |---|---|---|---|---|
                | app (token check, object store) | %.0f | %.1f ms | %.1f ms | ≈ %.0f |
                | JDK static file server, same files | %.0f | %.1f ms | %.1f ms | ≈ %.0f |
                | **ratio app ÷ static** | **%.2f** | | %.2f× | |
                """, VIEWERS, SEGMENT_BYTES / 1000, SECONDS, app.perSecond(), app.p50(), app.p99(),
                app.perSecond() * 2, plain.perSecond(), plain.p50(), plain.p99(), plain.perSecond() * 2,
                app.perSecond() / plain.perSecond(), app.p99() / plain.p99()));
    }

    interface Fetch {
        HttpResponse<byte[]> get(String path) throws Exception;
    }

    record Result(long segments, double perSecond, double p50, double p99) {
    }

    private Result run(Fetch fetch) throws Exception {
        for (int i = 0; i < 20; i++) { // warm up
            fetch.get("index.m3u8");
            fetch.get(String.format("seg_%05d.ts", i % SEGMENTS));
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        long end = start + SECONDS * 1_000_000_000L;
        try (ExecutorService viewers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int v = 0; v < VIEWERS; v++) {
                int viewer = v;
                viewers.submit(() -> {
                    int n = viewer;
                    while (System.nanoTime() < end) {
                        try {
                            fetch.get("index.m3u8");
                            long before = System.nanoTime();
                            HttpResponse<byte[]> segment = fetch.get(String.format("seg_%05d.ts", n++ % SEGMENTS));
                            if (segment.statusCode() != 200 || segment.body().length != SEGMENT_BYTES) {
                                failures.incrementAndGet();
                            } else {
                                latencies.add(System.nanoTime() - before);
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        assertThat(failures.get()).as("failed requests").isZero();
        return new Result(sorted.length, sorted.length / elapsed, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6);
    }
}
