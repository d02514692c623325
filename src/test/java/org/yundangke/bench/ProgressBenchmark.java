package org.yundangke.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Logins;
import org.yundangke.TestTalks;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonDraft;
import org.yundangke.study.StudyProgress;

/**
 * Progress reports accepted per second through {@code StudyProgress.report} (the service behind /api/progress), by
 * concurrent viewers each watching their own lesson, with per-report latency. H2 by default; PostgreSQL with
 * {@code -Dspring.profiles.active=test,postgres} (server on localhost:5432 as .ci/run makes it).
 * Run: {@code mvn test -Pbench -Dtest=ProgressBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest
@ActiveProfiles("test")
class ProgressBenchmark {

    static final int VIEWERS = 400;
    static final int THREADS = 8;
    static final long SECONDS = 20;
    /** Seconds of play per report: small enough that every report is accepted (checked after the run). */
    static final double STEP = 0.001;

    @Autowired
    StudyProgress progress;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void reports_per_second_and_latency() throws Exception {
        logins.as("lecturer");
        List<UUID> lessons = new ArrayList<>();
        for (int i = 0; i < VIEWERS; i++) {
            UUID talk = TestTalks.ready(jdbc, "lecturer", "bench", 3600);
            UUID lesson = catalogue.createDraft(new LessonDraft(talk, "压测课程 " + i, "周", "", "党史学习", Set.of())).id();
            catalogue.publish(lesson);
            lessons.add(lesson);
        }
        logins.as("member");
        lessons.forEach(progress::begin);
        var auth = SecurityContextHolder.getContext().getAuthentication();
        String database;
        try (var connection = jdbc.getDataSource().getConnection()) {
            database = connection.getMetaData().getDatabaseProductName();
        }

        double[] position = new double[VIEWERS];
        long start = System.nanoTime();
        long end = start + SECONDS * 1_000_000_000L;
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong next = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    SecurityContextHolder.getContext().setAuthentication(auth);
                    long[] mine = new long[2_000_000];
                    int n = 0;
                    while (System.nanoTime() < end && n < mine.length) {
                        int viewer = (int) (next.getAndIncrement() % VIEWERS);
                        double from;
                        synchronized (position) {
                            from = position[viewer];
                            position[viewer] = from + STEP; // contiguous play, always within twice real time
                        }
                        long t0 = System.nanoTime();
                        progress.report(lessons.get(viewer), List.of(new double[]{from, from + STEP}), from + STEP);
                        mine[n++] = System.nanoTime() - t0;
                    }
                    latencies.add(Arrays.copyOf(mine, n));
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        // every report added STEP of new play: what the database holds says how many were accepted
        long acceptedMs = jdbc.queryForObject("select coalesce(sum(unique_ms), 0) from watch_progress"
                + " where username = 'member' and lesson_id in (select id from lesson where title like '压测课程 %')",
                Long.class);
        long accepted = Math.round(acceptedMs / (STEP * 1000));
        double perSecond = accepted / seconds;
        BenchmarkReport.write("Progress reports on " + database + ": " + VIEWERS + " viewers, " + THREADS + " threads, "
                + SECONDS + " s", String.join("\n",
                "| figure | value | target |", "|---|---|---|",
                String.format("| reports accepted per second | **%.0f** | ≥ 5,000 |", perSecond),
                String.format("| latency p50 | %.2f ms | |", all[all.length / 2] / 1e6),
                String.format("| latency p99 | **%.2f ms** | < 50 ms |", all[(int) (all.length * 0.99)] / 1e6),
                String.format("| reports sent / accepted (by the unique time stored) | %d / %d | |", all.length,
                        accepted)));
        assertThat(accepted).isPositive();
        logins.logout();
    }
}
