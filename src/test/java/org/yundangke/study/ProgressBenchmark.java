package org.yundangke.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yundangke.Logins;
import org.yundangke.TestTalks;
import org.yundangke.base.StudyCalendar;
import org.yundangke.bench.BenchmarkReport;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonDraft;

/**
 * Progress reports accepted per second through {@code StudyProgress.report} (the service behind /api/progress), by
 * concurrent viewers each watching their own lesson, with per-report latency: the app's batched path (reports that
 * arrive together share one transaction) against the same rules one transaction per report, in alternating rounds of
 * one run. {@value #THREADS} threads, as many as Tomcat's request threads under load. H2 by default; PostgreSQL in a
 * schema of its own, dropped afterwards, with the command in BENCHMARKS.md (server on localhost:5432 as .ci/run makes
 * it).
 * Run: {@code mvn test -Pbench -Dtest=ProgressBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest
@ActiveProfiles("test")
class ProgressBenchmark {

    static final int VIEWERS = 2_000;
    static final int THREADS = 200;
    static final long SECONDS = 15;
    static final int ROUNDS = 2;
    /** Seconds of play per report: small enough that every report is accepted (checked after the run). */
    static final double STEP = 0.001;

    private record Round(double perSecond, long[] latencies) {
    }

    @Autowired StudyProgress batched;
    @Autowired Catalogue catalogue;
    @Autowired Logins logins;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired StudyCalendar calendar;

    @Test
    void reports_per_second_and_latency_batched_and_one_by_one() throws Exception {
        StudyProgress oneByOne = new StudyProgress(jdbc, catalogue, events, new TransactionTemplate(transactions),
                new StudyProperties(0.9, false), calendar, new SimpleMeterRegistry());
        logins.as("lecturer");
        List<UUID> lessons = new ArrayList<>();
        for (int i = 0; i < VIEWERS; i++) {
            UUID talk = TestTalks.ready(jdbc, "lecturer", "bench", 3600);
            UUID lesson = catalogue.createDraft(new LessonDraft(talk, "压测课程 " + i, "周", "", "党史学习", Set.of())).id();
            catalogue.publish(lesson);
            lessons.add(lesson);
        }
        logins.as("member");
        lessons.forEach(batched::begin);
        // the pages have been open long enough for every report of the run (the server's clock bounds play)
        jdbc.update("update watch_progress set open_ms = 3600000 where username = 'member'");
        Authentication member = SecurityContextHolder.getContext().getAuthentication();
        String database;
        try (var connection = jdbc.getDataSource().getConnection()) {
            database = connection.getMetaData().getDatabaseProductName();
        }
        double[] position = new double[VIEWERS];
        List<Round> batchedRounds = new ArrayList<>();
        List<Round> singleRounds = new ArrayList<>();
        long acceptedBefore = accepted();
        long sent = 0;
        for (int round = 0; round < ROUNDS; round++) {
            // alternate which goes first, so neither always gets the warmer machine
            boolean batchedFirst = round % 2 == 1;
            for (boolean useBatched : batchedFirst ? new boolean[]{true, false} : new boolean[]{false, true}) {
                Round measured = run(useBatched ? batched : oneByOne, lessons, member, position);
                (useBatched ? batchedRounds : singleRounds).add(measured);
                sent += measured.latencies().length;
            }
        }
        long accepted = accepted() - acceptedBefore;
        double batchedRate = batchedRounds.stream().mapToDouble(Round::perSecond).average().orElseThrow();
        double singleRate = singleRounds.stream().mapToDouble(Round::perSecond).average().orElseThrow();
        double[] b = merged(batchedRounds);
        double[] s = merged(singleRounds);
        BenchmarkReport.write("Progress reports on " + database + ": " + VIEWERS + " viewers, " + THREADS + " threads, "
                + ROUNDS + " × " + SECONDS + " s per path, alternating", String.join("\n",
                "| path | reports / s | p50 | p99 |", "|---|---|---|---|",
                String.format("| one transaction per report | %.0f | %.2f ms | %.2f ms |", singleRate,
                        BenchmarkReport.percentile(s, 50) / 1e6, BenchmarkReport.percentile(s, 99) / 1e6),
                String.format("| batched (the app's path) | **%.0f** | %.2f ms | **%.2f ms** |", batchedRate,
                        BenchmarkReport.percentile(b, 50) / 1e6, BenchmarkReport.percentile(b, 99) / 1e6),
                String.format("| ratio batched / one by one | **%.2f** | | |", batchedRate / singleRate),
                String.format("| reports sent / accepted (by the unique time stored) | %d / %d | | |", sent, accepted)));
        assertThat(accepted).isEqualTo(sent);
        logins.logout();
        BenchmarkReport.dropOwnSchema(jdbc);
    }

    private Round run(StudyProgress progress, List<UUID> lessons, Authentication member, double[] position)
            throws Exception {
        long start = System.nanoTime();
        long end = start + SECONDS * 1_000_000_000L;
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong next = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    SecurityContextHolder.getContext().setAuthentication(member);
                    long[] mine = new long[4_096];
                    int n = 0;
                    while (System.nanoTime() < end) {
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        int viewer = (int) (next.getAndIncrement() % lessons.size());
                        double from;
                        synchronized (position) {
                            from = position[viewer];
                            position[viewer] = from + STEP; // contiguous play
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
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
        return new Round(all.length / seconds, all);
    }

    /** Reports accepted so far: every report adds STEP of new play, so the unique time stored counts them. */
    private long accepted() {
        long ms = jdbc.queryForObject("select coalesce(sum(unique_ms), 0) from watch_progress"
                + " where username = 'member' and lesson_id in (select id from lesson where title like '压测课程 %')",
                Long.class);
        return Math.round(ms / (STEP * 1000));
    }

    private static double[] merged(List<Round> rounds) {
        return rounds.stream().flatMapToLong(r -> Arrays.stream(r.latencies())).sorted().asDoubleStream().toArray();
    }
}
