package org.yundangke.media;

import jakarta.annotation.PreDestroy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yundangke.base.AppProperties;
import org.yundangke.base.StudyCalendar;

/**
 * Live streams received by the bundled ffmpeg: an RTMP listener on a port with a stream key, copying the stream into
 * short HLS segments that go to the object store as they are written (so every app node serves them through the
 * token-checked playback), and into a recording that becomes a talk, transcoded like an upload, when the stream is
 * finished. ffmpeg's listener takes one publisher at a time (a second is refused by the closed port); it does not
 * check the key itself, so a publisher naming another key is cut off at once and the listener starts again.
 */
@Service
public class LiveStreams {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);
    static final String LIVE_DIR = "hls/live/";
    private static final Duration SYNC_EVERY = Duration.ofMillis(500);
    private static final Duration PROBE_URL_VALIDITY = Duration.ofMinutes(10);

    private final MediaRepository media;
    private final MediaObjects objects;
    private final FfmpegTools tools;
    private final MediaProbe probe;
    private final JobScheduler jobs;
    private final MediaProperties properties;
    private final TransactionTemplate transaction;
    private final StudyCalendar calendar;
    private final Path liveRoot;
    private final Map<UUID, Ingest> ingests = new ConcurrentHashMap<>();

    LiveStreams(MediaRepository media, MediaObjects objects, FfmpegTools tools, MediaProbe probe, JobScheduler jobs,
                MediaProperties properties, TransactionTemplate transaction, StudyCalendar calendar,
                AppProperties app) {
        this.media = media;
        this.objects = objects;
        this.tools = tools;
        this.probe = probe;
        this.jobs = jobs;
        this.properties = properties;
        this.transaction = transaction;
        this.calendar = calendar;
        this.liveRoot = app.dataDir().resolve("live").toAbsolutePath().normalize();
    }

    /** A new stream of {@code owner}'s, not yet received; played through {@link MediaLibrary#play} as it comes. */
    public UUID open(String owner, String title) {
        Media stream = Media.live(owner, title, calendar.now());
        transaction.executeWithoutResult(tx -> media.save(stream));
        return stream.getId();
    }

    /** Listens on this node for the stream (again after each publisher leaves) until finished; once per stream. */
    public void listen(UUID mediaId, int port, String streamKey) {
        ingests.computeIfAbsent(mediaId, id -> {
            Ingest ingest = new Ingest(id, port, streamKey);
            ingest.thread = Thread.ofVirtual().name("live-" + port).start(ingest);
            return ingest;
        });
    }

    /** Where a stream (or the talk its recording became) stands; empty once deleted (it received nothing). */
    public Optional<MediaState> state(UUID mediaId) {
        return media.findById(mediaId).map(Media::getState);
    }

    /** Whether a publisher is streaming into this node now. */
    public boolean receiving(UUID mediaId) {
        Ingest ingest = ingests.get(mediaId);
        return ingest != null && ingest.receiving;
    }

    /**
     * Stops listening and makes the recording a talk: stored as its original, probed and queued for transcoding (the
     * live segments are removed). A stream that never received anything is deleted. Nothing happens for a stream
     * that is no longer live.
     */
    public void finish(UUID mediaId) {
        Ingest ingest = ingests.remove(mediaId);
        if (ingest != null) {
            ingest.stop();
        }
        Media stream = media.findById(mediaId).orElse(null);
        if (stream == null || stream.getState() != MediaState.LIVE) {
            return;
        }
        Path dir = liveRoot.resolve(mediaId.toString());
        try {
            Path recording = joinRecordings(dir);
            objects.deleteAll(stream.prefix() + LIVE_DIR);
            objects.deleteAll(stream.prefix() + "hls/" + Ladder.MASTER);
            if (recording == null) {
                transaction.executeWithoutResult(tx -> media.deleteById(mediaId));
                log.info("Live stream {} received nothing: removed", mediaId);
                return;
            }
            long size = Files.size(recording);
            objects.put(stream.originalObject(), recording, "video/mp2t");
            ProbeResult found = probe.probe(objects.presignedGet(stream.originalObject(), PROBE_URL_VALIDITY), size);
            transaction.executeWithoutResult(tx -> media.findById(mediaId).orElseThrow()
                    .recorded(found, size, calendar.now()));
            TranscodeJob.enqueue(jobs, properties, mediaId);
            log.info("Live stream {} finished: {} bytes recorded, queued for transcoding", mediaId, size);
        } catch (IOException | MediaRejectedException e) {
            log.warn("Live stream {}: the recording could not be kept: {}", mediaId, e.getMessage());
            objects.deleteAll(stream.prefix());
            transaction.executeWithoutResult(tx -> media.deleteById(mediaId));
        } finally {
            try {
                TranscodeJob.deleteRecursively(dir);
            } catch (IOException e) {
                log.warn("Live stream {}: could not remove {}: {}", mediaId, dir, e.getMessage());
            }
        }
    }

    @PreDestroy
    void stopAll() {
        ingests.values().forEach(Ingest::stop);
    }

    /** The recordings of each publisher's run, in order, as one MPEG-TS file; null when there is none. */
    private static Path joinRecordings(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        List<Path> parts;
        try (Stream<Path> files = Files.list(dir)) {
            parts = files.filter(f -> f.getFileName().toString().matches("rec_\\d+\\.ts"))
                    .filter(f -> f.toFile().length() > 0)
                    .sorted((a, b) -> Integer.compare(run(a), run(b))).toList();
        }
        if (parts.isEmpty()) {
            return null;
        }
        Path joined = dir.resolve("recording.ts");
        try (OutputStream out = Files.newOutputStream(joined, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (Path part : parts) {
                Files.copy(part, out); // MPEG-TS files join by concatenation
            }
        }
        return joined;
    }

    private static int run(Path recording) {
        String name = recording.getFileName().toString();
        return Integer.parseInt(name.substring(4, name.length() - 3));
    }

    /** One stream's listener loop on this node and the copying of its segments to the store. */
    private final class Ingest implements Runnable {

        private final UUID mediaId;
        private final int port;
        private final String key;
        private final Path dir;
        private final String prefix;
        private final Set<String> stored = new HashSet<>();
        private volatile boolean stopped;
        private volatile boolean receiving;
        private volatile Process process;
        private volatile Thread thread;
        private String lastPlaylist = "";

        Ingest(UUID mediaId, int port, String key) {
            this.mediaId = mediaId;
            this.port = port;
            this.key = key;
            this.dir = liveRoot.resolve(mediaId.toString());
            this.prefix = "media/" + mediaId + "/";
        }

        @Override
        public void run() {
            try {
                Files.createDirectories(dir);
                Path master = dir.resolve(Ladder.MASTER);
                Files.writeString(master, "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=3000000\nlive/index.m3u8\n");
                objects.put(prefix + "hls/" + Ladder.MASTER, master, TranscodeJob.contentType(Ladder.MASTER));
                for (int run = nextRun(); !stopped; run++) {
                    listenOnce(run);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Live ingest of {} on port {} stopped: {}", mediaId, port, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private int nextRun() throws IOException {
            try (Stream<Path> files = Files.list(dir)) { // a restarted node goes on after the runs it recorded
                return files.filter(f -> f.getFileName().toString().matches("rec_\\d+\\.ts")).mapToInt(LiveStreams::run)
                        .max().orElse(0) + 1;
            }
        }

        private void listenOnce(int run) throws IOException, InterruptedException {
            Path recording = dir.resolve("rec_" + run + ".ts");
            List<String> command = new ArrayList<>(List.of(tools.ffmpegPath().toString(), "-hide_banner", "-nostats",
                    "-loglevel", "info", "-listen", "1", "-i", "rtmp://0.0.0.0:" + port + "/live/" + key,
                    "-map", "0:v:0?", "-map", "0:a:0?", "-c", "copy", "-f", "hls", "-hls_time", "2",
                    "-hls_list_size", "0", "-hls_flags", "temp_file+append_list+omit_endlist+discont_start",
                    "-hls_segment_filename", dir.resolve("seg_%05d.ts").toString(), dir.resolve("index.m3u8").toString(),
                    "-map", "0:v:0?", "-map", "0:a:0?", "-c", "copy", "-f", "mpegts", recording.toString()));
            long started = System.nanoTime();
            Process ffmpeg = tools.start(command, true);
            process = ffmpeg;
            if (stopped) {
                ffmpeg.destroy(); // finished while this run was starting
            }
            boolean[] refused = {false};
            Thread reader = Thread.ofVirtual().start(() -> watch(ffmpeg, refused));
            while (ffmpeg.isAlive()) {
                sync();
                ffmpeg.waitFor(SYNC_EVERY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            reader.join(2000);
            receiving = false;
            if (refused[0]) {
                Files.deleteIfExists(recording);
                log.warn("Live ingest of {}: refused a publisher with a wrong stream key", mediaId);
            }
            sync();
            if (!stopped && Duration.ofNanos(System.nanoTime() - started).toSeconds() < 2) {
                Thread.sleep(2000); // the port busy or ffmpeg failing at once: do not spin
            }
        }

        /** Reads ffmpeg's log: a publisher with the wrong key is cut off; the input opening means one is streaming. */
        private void watch(Process ffmpeg, boolean[] refused) {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(ffmpeg.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.contains("Unexpected stream")) {
                        refused[0] = true;
                        ffmpeg.destroyForcibly();
                    } else if (line.startsWith("Input #0") && !refused[0]) {
                        receiving = true;
                    }
                }
            } catch (IOException closed) {
                // the process ended
            }
        }

        /** New finished segments first, then the playlist that names them. */
        private void sync() throws IOException {
            if (!Files.isDirectory(dir)) {
                return;
            }
            List<Path> segments;
            try (Stream<Path> files = Files.list(dir)) {
                segments = files.filter(f -> f.getFileName().toString().matches("seg_\\d+\\.ts")).sorted().toList();
            }
            for (Path segment : segments) {
                String name = segment.getFileName().toString();
                if (stored.add(name)) {
                    objects.put(prefix + LIVE_DIR + name, segment, "video/mp2t");
                }
            }
            Path playlist = dir.resolve("index.m3u8");
            if (Files.exists(playlist)) {
                String text = Files.readString(playlist);
                if (!text.equals(lastPlaylist)) {
                    objects.put(prefix + LIVE_DIR + "index.m3u8", playlist, TranscodeJob.contentType("index.m3u8"));
                    lastPlaylist = text;
                }
            }
        }

        /** Ends the listener (ffmpeg closes its files on SIGTERM) and waits for the last segments to be stored. */
        void stop() {
            stopped = true;
            Process running = process;
            try {
                if (running != null) {
                    running.destroy();
                    if (!running.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                        running.destroyForcibly();
                    }
                }
                if (thread != null) {
                    thread.join(Duration.ofSeconds(10));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
