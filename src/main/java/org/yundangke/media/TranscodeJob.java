package org.yundangke.media;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jobrunr.scheduling.JobBuilder;
import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.yundangke.base.AppProperties;
import org.yundangke.base.StudyCalendar;

/**
 * Turns an uploaded original into the HLS ladder in the object store. Runs as a durable JobRunr job (on any node with
 * jobs enabled): a run cut off by a crash runs again from scratch, a failing run is retried with backoff, and after
 * the last attempt the talk shows as failed with the reason.
 */
@Component
public class TranscodeJob {

    private static final Logger log = LoggerFactory.getLogger(TranscodeJob.class);
    private static final Duration INPUT_URL_VALIDITY = Duration.ofHours(12);
    private static final long PROGRESS_INTERVAL_MS = 1000;
    private static final int STORE_THREADS = 4;

    private final MediaRepository media;
    private final MediaObjects objects;
    private final FfmpegTools tools;
    private final MediaProperties properties;
    private final TransactionTemplate transaction;
    private final Path workRoot;
    private final StudyCalendar calendar;
    private final MeterRegistry meters;

    TranscodeJob(MediaRepository media, MediaObjects objects, FfmpegTools tools,
                 MediaProperties properties, TransactionTemplate transaction,
                 AppProperties app, StudyCalendar calendar, MeterRegistry meters) {
        this.meters = meters;
        this.calendar = calendar;
        this.media = media;
        this.objects = objects;
        this.tools = tools;
        this.properties = properties;
        this.transaction = transaction;
        this.workRoot = app.dataDir().resolve("work").toAbsolutePath().normalize();
    }

    /**
     * An app killed without a chance to stop its children (kill -9, a power cut) leaves its ffmpeg running, writing
     * into the work folder that the retried job is about to use: such strays are stopped before this node takes jobs.
     */
    @EventListener(ApplicationReadyEvent.class)
    void stopStrayTranscoders() {
        strayTranscoders().forEach(stray -> {
            log.warn("Stopping a transcoder left over from an earlier run: pid {}", stray.pid());
            stray.destroyForcibly();
        });
    }

    /**
     * ffmpeg processes of this machine whose arguments name this node's work folder and that are not this JVM's own
     * children (a transcode this node has just started keeps running).
     */
    List<ProcessHandle> strayTranscoders() {
        String ffmpeg = tools.ffmpegPath().toAbsolutePath().toString();
        String folder = workRoot.toString() + "/";
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.parent().map(parent -> parent.pid() != self).orElse(true))
                .filter(p -> p.info().command().filter(ffmpeg::equals).isPresent())
                .filter(p -> p.info().arguments().filter(args -> Stream.of(args).anyMatch(a -> a.startsWith(folder)))
                        .isPresent())
                .toList();
    }

    /**
     * Queues a transcode of the talk. The one retry policy: JobRunr runs it up to {@code yundangke.media.max-attempts}
     * times with its growing back-off, the talk counts the attempts and shows as failed after the last; the uploader
     * may then ask for a fresh set ({@link MediaLibrary#retry}).
     */
    static void enqueue(JobScheduler jobs, MediaProperties properties, UUID mediaId) {
        jobs.create(JobBuilder.aJob().withName("Transcode talk " + mediaId)
                .withAmountOfRetries(properties.maxAttempts() - 1)
                .<TranscodeJob>withDetails(job -> job.transcode(mediaId)));
    }

    public void transcode(UUID mediaId) throws Exception {
        Media talk = media.findById(mediaId).orElse(null);
        if (talk == null || talk.getState() == MediaState.READY || talk.getState() == MediaState.FAILED) {
            return; // deleted meanwhile, or already settled: running again changes nothing
        }
        Path work = workRoot.resolve(mediaId.toString());
        deleteRecursively(work);
        Timer.Sample took = Timer.start();
        String outcome = "failed";
        try {
            update(mediaId, m -> m.transcoding(0, calendar.now()));
            String input = objects.presignedGet(talk.originalObject(), INPUT_URL_VALIDITY);
            Ladder ladder = Ladder.plan(talk.probeResult(), properties);
            Files.createDirectories(work);
            runFfmpeg(ladder.ffmpegArguments(input, work), input, ladder.source().durationSeconds(), mediaId);
            store(work, talk.prefix());
            if (!properties.keepOriginals()) {
                objects.deleteAll(talk.originalObject());
            }
            update(mediaId, m -> m.ready(String.join(",", ladder.renditionNames()), calendar.now()));
            log.info("Transcoded {} into {}", mediaId, ladder.renditionNames());
            outcome = "done";
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Media after = update(mediaId, m -> m.attemptFailed(reason, properties.maxAttempts(), calendar.now()));
            log.warn("Transcode of {} failed (attempt {}): {}", mediaId, after == null ? "?" : after.getAttempts(), reason);
            if (after != null && after.getState() == MediaState.QUEUED) {
                throw e; // JobRunr tries again after a backoff
            }
        } finally {
            deleteRecursively(work);
            took.stop(Timer.builder("yundangke.transcodes").description("Transcodes run on this node, and how long")
                    .tag("outcome", outcome).register(meters));
        }
    }

    /**
     * Runs the ladder and reads its progress from {@code -progress pipe:1}. Not ffmpeg-cli-wrapper's job API: its
     * {@code FFmpegJob} cannot be stopped (only our own handle on the process stops ffmpeg), it receives progress on
     * an extra local TCP socket, and it runs {@code ffmpeg -version} before every job; reading one line format from
     * the process we started is less.
     */
    private void runFfmpeg(List<String> arguments, String input, double durationSeconds, UUID mediaId)
            throws Exception {
        List<String> command = new ArrayList<>();
        command.add(tools.ffmpegPath().toString());
        command.addAll(arguments);
        Process process = tools.start(command, false);
        Deque<String> lastErrors = new ArrayDeque<>();
        CompletableFuture<Void> errors = CompletableFuture.runAsync(() -> keepLastLines(process, lastErrors));
        try (BufferedReader progress = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            long lastUpdate = 0;
            int shown = 0;
            String line;
            while ((line = progress.readLine()) != null) {
                if (line.startsWith("out_time_us=") && System.currentTimeMillis() - lastUpdate > PROGRESS_INTERVAL_MS) {
                    // never backwards: at the end ffmpeg reports N/A, then the poster output's time
                    int percent = Math.max(shown, percent(line.substring("out_time_us=".length()), durationSeconds));
                    shown = percent;
                    update(mediaId, m -> m.transcoding(percent, calendar.now()));
                    lastUpdate = System.currentTimeMillis();
                }
            }
        } finally {
            int exit = process.waitFor();
            errors.join();
            if (exit != 0) {
                throw new IllegalStateException("ffmpeg exited with " + exit + ": "
                        + MediaProbe.withoutInput(String.join(" | ", lastErrors), input));
            }
        }
    }

    /** Percent done from ffmpeg's {@code out_time_us}; 99 at most until the files are stored. */
    static int percent(String outTimeMicros, double durationSeconds) {
        try {
            double done = Long.parseLong(outTimeMicros.trim()) / 1_000_000.0;
            return (int) Math.min(99, Math.max(0, done * 100 / durationSeconds));
        } catch (NumberFormatException e) {
            return 0; // "N/A" before the first frame
        }
    }

    private static void keepLastLines(Process process, Deque<String> lines) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                synchronized (lines) {
                    lines.addLast(line);
                    if (lines.size() > 10) {
                        lines.removeFirst();
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /**
     * Playlists and segments under {@code hls/}, the poster beside them; all private like every object. Segments go
     * up several at a time (a talk has hundreds); playlists last, so a playlist never names a missing segment.
     */
    private void store(Path work, String prefix) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(work)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        List<Path> segments = files.stream().filter(f -> !f.toString().endsWith(".m3u8")).toList();
        try (ExecutorService uploads = Executors.newFixedThreadPool(STORE_THREADS)) {
            List<Future<?>> pending = segments.stream()
                    .map(f -> uploads.submit(() -> storeOne(work, f, prefix))).collect(Collectors.toList());
            for (Future<?> upload : pending) {
                upload.get();
            }
        }
        files.stream().filter(f -> f.toString().endsWith(".m3u8")).forEach(f -> storeOne(work, f, prefix));
    }

    private void storeOne(Path work, Path file, String prefix) {
        String relative = work.relativize(file).toString().replace('\\', '/');
        String object = relative.equals(Ladder.POSTER) ? prefix + Ladder.POSTER : prefix + "hls/" + relative;
        objects.put(object, file, contentType(relative));
    }

    static String contentType(String name) {
        if (name.endsWith(".m3u8")) {
            return "application/vnd.apple.mpegurl";
        }
        if (name.endsWith(".ts")) {
            return "video/mp2t";
        }
        if (name.endsWith(".vtt")) {
            return "text/vtt; charset=utf-8";
        }
        return name.endsWith(".jpg") ? "image/jpeg" : "application/octet-stream";
    }

    private Media update(UUID mediaId, Consumer<Media> change) {
        return transaction.execute(tx -> media.findById(mediaId).map(m -> {
            change.accept(m);
            return m;
        }).orElse(null));
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
