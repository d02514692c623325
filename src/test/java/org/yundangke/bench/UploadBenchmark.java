package org.yundangke.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.yundangke.AppSession;
import org.yundangke.base.storage.ObjectStoreProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A 2 GB upload through the app's path (HTTP parts → S3 multipart in the embedded store) against a direct MinIO
 * putObject of the same file to the same store, in one run: throughput ratio and heap growth while uploading.
 * Run: {@code mvn test -Pbench -Dtest=UploadBenchmark} (size: {@code -Dbench.upload.bytes=…}).
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = "yundangke.media.chunk-size=8MB")
class UploadBenchmark {

    static final long SIZE = Long.getLong("bench.upload.bytes", 2L * 1024 * 1024 * 1024);
    static final int PART = 8 * 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    MinioClient minio;

    @Autowired
    ObjectStoreProperties store;

    @Test
    void app_upload_path_against_a_direct_put() throws Exception {
        Path file = randomFile(Path.of("target/bench/upload-" + SIZE + ".bin"));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        long direct;
        try (InputStream in = Files.newInputStream(file)) {
            long start = System.nanoTime();
            minio.putObject(PutObjectArgs.builder().bucket(store.mediaBucket()).object("bench/direct")
                    .stream(in, SIZE, (long) PART).build());
            direct = System.nanoTime() - start;
        }
        minio.removeObject(RemoveObjectArgs.builder().bucket(store.mediaBucket()).object("bench/direct").build());

        AppSession lecturer = AppSession.login(port, "lecturer", "demo1234");
        long baseline = settledHeap(memory);
        long liveBaseline = liveAfterLastCollection();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicLong livePeak = new AtomicLong(liveBaseline);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                livePeak.accumulateAndGet(liveAfterLastCollection(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        HttpResponse<String> started = lecturer.postJson("/api/uploads",
                "{\"filename\":\"bench.bin\",\"size\":" + SIZE + ",\"lastModified\":" + System.nanoTime() + "}");
        JsonNode status = JsonMapper.builder().build().readTree(started.body());
        String id = status.path("mediaId").asString();
        int parts = status.path("totalParts").asInt();
        for (int part = 1; part <= parts; part++) {
            long offset = (long) (part - 1) * PART;
            long length = Math.min(PART, SIZE - offset);
            HttpResponse<String> sent = lecturer.send("PUT", "/api/uploads/" + id + "/parts/" + part,
                    HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                            () -> slice(file, offset, length)), length), "application/octet-stream", null);
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);
        }
        HttpResponse<String> complete = lecturer.postJson("/api/uploads/" + id + "/complete", "");
        long app = System.nanoTime() - start;
        sampler.interrupt();
        sampler.join();
        long retained = settledHeap(memory) - baseline;
        assertThat(complete.statusCode()).as("random bytes are refused after arriving").isEqualTo(422);

        double mb = SIZE / 1048576.0;
        double directRate = mb / (direct / 1e9);
        double appRate = mb / (app / 1e9);
        BenchmarkReport.write(String.format("Upload: %.0f MB in %d parts of 8 MiB", mb, parts), String.join("\n",
                "| path | wall time | throughput |", "|---|---|---|",
                String.format("| app: HTTP parts → S3 multipart, then complete + probe | %s | %.0f MB/s |",
                        BenchmarkReport.seconds(app), appRate),
                String.format("| direct MinIO putObject (8 MiB parts), same store | %s | %.0f MB/s |",
                        BenchmarkReport.seconds(direct), directRate),
                "",
                String.format("- throughput app ÷ direct = **%.2f** (target ≥ 0.8)", appRate / directRate),
                String.format("- heap growth while uploading, live (after each collection) = **%.0f MB** (target ≤ 64 MB);"
                        + " retained after the upload, settled = %.0f MB", (livePeak.get() - liveBaseline) / 1048576.0,
                        retained / 1048576.0),
                String.format("- raw peak of used heap (garbage included) − baseline = %.0f MB",
                        (peak.get() - baseline) / 1048576.0),
                String.format("- max heap %d MB; baseline (app + test client, settled) %.0f MB",
                        memory.getHeapMemoryUsage().getMax() / 1048576, baseline / 1048576.0)));
    }

    /** Heap in use right after the most recent collection, summed over the heap pools: the live set. */
    private static long liveAfterLastCollection() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .map(java.lang.management.MemoryPoolMXBean::getCollectionUsage)
                .filter(java.util.Objects::nonNull).mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
    }

    private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
        System.gc();
        Thread.sleep(200);
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static InputStream slice(Path file, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(file).position(offset);
            return new java.io.FilterInputStream(Channels.newInputStream(channel)) {
                private long left = length;

                @Override
                public int read(byte[] b, int off, int len) throws java.io.IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(b, off, (int) Math.min(len, left));
                    left -= Math.max(0, n);
                    return n;
                }

                @Override
                public int read() throws java.io.IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
                }
            };
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Path randomFile(Path file) throws Exception {
        if (Files.exists(file) && Files.size(file) == SIZE) {
            return file;
        }
        Files.createDirectories(file.getParent());
        SplittableRandom random = new SplittableRandom(42);
        byte[] block = new byte[PART];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < SIZE; written += block.length) {
                for (int i = 0; i < block.length; i += 8) {
                    long value = random.nextLong();
                    for (int b = 0; b < 8; b++) {
                        block[i + b] = (byte) (value >>> (8 * b));
                    }
                }
                out.write(block, 0, (int) Math.min(block.length, SIZE - written));
            }
        }
        return file;
    }
}
