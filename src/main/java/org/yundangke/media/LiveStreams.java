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
 * Live streams received by the bundled ffmpeg: an RTMP listener on a port with a stream key (and an SRT listener on
 * the port 1000 above, with the key as its passphrase), copying the stream into short HLS segments that go to the
 * object store as they are written (so every app node serves them through the token-checked playback), and into a
 * recording that becomes a talk, transcoded like an upload, when the stream is finished. ffmpeg's RTMP listener takes
 * one publisher at a time (a second is refused by the closed port) but does not check the key itself, so a publisher
 * naming another key is cut off at once and the listener starts again; SRT refuses a wrong passphrase itself.
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
    private final LiveSegmentCache liveSegments;
    private final Map<UUID, Ingest> ingests = new ConcurrentHashMap<>();

    LiveStreams(MediaRepository media, MediaObjects objects, FfmpegTools tools, MediaProbe probe, JobScheduler jobs,
                MediaProperties properties, TransactionTemplate transaction, StudyCalendar calendar,
                AppProperties app, LiveSegmentCache liveSegments) {
        this.liveSegments = liveSegments;
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
            ingest.start();
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
        return ingest != null && ingest.receiving();
    }

    /**
     * Stops listening and makes the recording a talk: stored as its original, probed and queued for transcoding, and
     * only then are the live segments removed. A stream that never received anything is deleted. True when done (or
     * nothing was left to do); false when the object store failed on the way: the recording stays on this node's disk
     * and the caller tries again later.
     */
    public boolean finish(UUID mediaId) {
        Ingest ingest = ingests.remove(mediaId);
        if (ingest != null) {
            ingest.stop();
        }
        Media stream = media.findById(mediaId).orElse(null);
        if (stream == null || stream.getState() != MediaState.LIVE) {
            return true;
        }
        Path dir = liveRoot.resolve(mediaId.toString());
        try {
            Path recording = joinRecordings(dir);
            if (recording == null) {
                removeLive(stream);
                transaction.executeWithoutResult(tx -> media.deleteById(mediaId));
                log.info("Live stream {} received nothing: removed", mediaId);
            } else {
                keep(stream, recording);
            }
        } catch (MediaRejectedException unusable) {
            log.warn("Live stream {}: the recording could not be used: {}", mediaId, unusable.getMessage());
            objects.deleteAll(stream.prefix());
            transaction.executeWithoutResult(tx -> media.deleteById(mediaId));
        } catch (IOException | RuntimeException storeOrDisk) {
            log.warn("Live stream {}: finishing failed, kept on disk for the next try: {}", mediaId,
                    storeOrDisk.toString());
            return false;
        }
        delete(dir, mediaId);
        return true;
    }

    /** The recording as the talk's original, probed and queued; then the live segments go. */
    private void keep(Media stream, Path recording) throws IOException {
        long size = Files.size(recording);
        objects.put(stream.originalObject(), recording, "video/mp2t");
        ProbeResult found = probe.probe(objects.presignedGet(stream.originalObject(), PROBE_URL_VALIDITY), size);
        transaction.executeWithoutResult(tx -> media.findById(stream.getId()).orElseThrow()
                .recorded(found, size, calendar.now()));
        TranscodeJob.enqueue(jobs, properties, stream.getId());
        removeLive(stream);
        log.info("Live stream {} finished: {} bytes recorded, queued for transcoding", stream.getId(), size);
    }

    private void removeLive(Media stream) {
        objects.deleteAll(stream.prefix() + LIVE_DIR);
        objects.deleteAll(stream.prefix() + "hls/" + Ladder.MASTER);
        liveSegments.forget(stream.prefix());
    }

    private static void delete(Path dir, UUID mediaId) {
        try {
            TranscodeJob.deleteRecursively(dir);
        } catch (IOException e) {
            log.warn("Live stream {}: could not remove {}: {}", mediaId, dir, e.getMessage());
        }
    }

    @PreDestroy
    void stopAll() {
        ingests.values().forEach(Ingest::stop);
    }

    /** The recordings of each publisher's run (either protocol), in order, as one MPEG-TS file; null when none. */
    private static Path joinRecordings(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        List<Path> parts;
        try (Stream<Path> files = Files.walk(dir, 2)) {
            parts = files.filter(f -> f.getFileName().toString().matches("rec_\\d+\\.ts"))
                    .filter(f -> f.toFile().length() > 0)
                    .sorted(java.util.Comparator.comparingLong(f -> f.toFile().lastModified())).toList();
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

    /** A restarted node goes on after the runs it recorded. */
    private static int nextRun(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("rec_\\d+\\.ts")).mapToInt(LiveStreams::run)
                    .max().orElse(0) + 1;
        }
    }

    /** How a speaker's app sends the stream: RTMP (OBS's default, most phone apps) or SRT (on the port 1000 above). */
    enum Protocol {
        RTMP, SRT;

        String folder() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The SRT port of a session is its RTMP port plus this. */
    public static final int SRT_OFFSET = 1000;

    /**
     * One stream's listeners on this node (RTMP and SRT, each in its own folder, each started again after its
     * publisher leaves) and the copying of the receiving one's segments to the store. The first publisher to arrive
     * is the one received; a second, on the other protocol, is cut off.
     */
    private final class Ingest {

        private final UUID mediaId;
        private final int port;
        private final String key;
        private final Path dir;
        private final String prefix;
        private final Set<String> stored = ConcurrentHashMap.newKeySet();
        private final java.util.concurrent.atomic.AtomicReference<Protocol> active =
                new java.util.concurrent.atomic.AtomicReference<>();
        private final Map<Protocol, Process> processes = new ConcurrentHashMap<>();
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean stopped;
        private volatile String lastPlaylist = "";

        Ingest(UUID mediaId, int port, String key) {
            this.mediaId = mediaId;
            this.port = port;
            this.key = key;
            this.dir = liveRoot.resolve(mediaId.toString());
            this.prefix = "media/" + mediaId + "/";
        }

        /** Writes the master playlist and starts both listeners; throws (and nothing is kept) when it cannot. */
        void start() {
            try {
                Files.createDirectories(dir);
                Path master = dir.resolve(Ladder.MASTER);
                Files.writeString(master, "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=3000000\nlive/index.m3u8\n");
                objects.put(prefix + "hls/" + Ladder.MASTER, master, TranscodeJob.contentType(Ladder.MASTER));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            for (Protocol protocol : Protocol.values()) {
                threads.add(Thread.ofVirtual().name("live-" + protocol.folder() + "-" + port)
                        .start(() -> listen(protocol)));
            }
        }

        boolean receiving() {
            return active.get() != null;
        }

        private void listen(Protocol protocol) {
            try {
                Path folder = Files.createDirectories(dir.resolve(protocol.folder()));
                for (int run = nextRun(folder); !stopped; run++) {
                    listenOnce(protocol, folder, run);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("Live ingest of {} ({}) stopped: {}", mediaId, protocol, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void listenOnce(Protocol protocol, Path folder, int run) throws IOException, InterruptedException {
            Path recording = folder.resolve("rec_" + run + ".ts");
            String input = protocol == Protocol.RTMP ? "rtmp://0.0.0.0:" + port + "/live/" + key
                    : "srt://0.0.0.0:" + (port + SRT_OFFSET) + "?mode=listener&passphrase=" + key + "&pbkeylen=16";
            List<String> command = new ArrayList<>(List.of(tools.ffmpegPath().toString(), "-hide_banner", "-nostats",
                    "-loglevel", "info"));
            if (protocol == Protocol.RTMP) {
                command.addAll(List.of("-listen", "1"));
            }
            command.addAll(List.of("-i", input, "-map", "0:v:0?", "-map", "0:a:0?", "-c", "copy", "-f", "hls",
                    "-hls_time", "2", "-hls_list_size", "0",
                    "-hls_flags", "temp_file+append_list+omit_endlist+discont_start",
                    "-hls_segment_filename", folder.resolve(protocol.folder() + "_%05d.ts").toString(),
                    folder.resolve("index.m3u8").toString(),
                    "-map", "0:v:0?", "-map", "0:a:0?", "-c", "copy", "-f", "mpegts", recording.toString()));
            long started = System.nanoTime();
            Process ffmpeg = tools.start(command, true);
            processes.put(protocol, ffmpeg);
            if (stopped) {
                ffmpeg.destroy(); // finished while this run was starting
            }
            boolean[] refused = {false};
            Thread reader = Thread.ofVirtual().start(() -> watch(protocol, ffmpeg, refused));
            try {
                while (ffmpeg.isAlive()) {
                    if (active.get() == protocol) {
                        sync(protocol, folder);
                    }
                    ffmpeg.waitFor(SYNC_EVERY.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                }
                reader.join(2000);
                if (active.get() == protocol) {
                    sync(protocol, folder);
                }
            } finally {
                active.compareAndSet(protocol, null);
            }
            if (refused[0]) {
                Files.deleteIfExists(recording);
            }
            if (!stopped && Duration.ofNanos(System.nanoTime() - started).toSeconds() < 2) {
                Thread.sleep(2000); // the port busy or ffmpeg failing at once: do not spin
            }
        }

        /**
         * Reads ffmpeg's log: a publisher naming another key (RTMP; SRT refuses a wrong passphrase itself) or arriving
         * while the other protocol is received is cut off; the input opening means this one is being received.
         */
        private void watch(Protocol protocol, Process ffmpeg, boolean[] refused) {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(ffmpeg.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.contains("Unexpected stream")) {
                        refused[0] = true;
                        ffmpeg.destroyForcibly();
                        log.warn("Live ingest of {}: refused a publisher with a wrong stream key", mediaId);
                    } else if (line.startsWith("Input #0") && !refused[0] && !active.compareAndSet(null, protocol)) {
                        refused[0] = true;
                        ffmpeg.destroyForcibly();
                        log.warn("Live ingest of {}: refused a second publisher ({})", mediaId, protocol);
                    }
                }
            } catch (IOException closed) {
                // the process ended
            }
        }

        /**
         * The playlist as ffmpeg last wrote it, after the segments it names: a viewer never reads of a segment the
         * store does not have yet. A store error is logged and the next pass tries again; the stream goes on.
         */
        private void sync(Protocol protocol, Path folder) {
            Path playlist = folder.resolve("index.m3u8");
            try {
                if (!Files.exists(playlist)) {
                    return;
                }
                String text = Files.readString(playlist);
                if (text.equals(lastPlaylist)) {
                    return;
                }
                for (String name : text.lines().filter(l -> l.endsWith(".ts")).toList()) {
                    if (!stored.contains(name) && Files.exists(folder.resolve(name))) {
                        objects.put(prefix + LIVE_DIR + name, folder.resolve(name), "video/mp2t");
                        stored.add(name);
                    }
                }
                Path snapshot = folder.resolve("index.stored");
                Files.writeString(snapshot, text);
                objects.put(prefix + LIVE_DIR + "index.m3u8", snapshot, TranscodeJob.contentType("index.m3u8"));
                lastPlaylist = text;
            } catch (IOException | RuntimeException e) {
                log.warn("Live ingest of {} ({}): copying to the store failed, trying again: {}", mediaId, protocol,
                        e.toString());
            }
        }

        /** Ends the listeners (ffmpeg closes its files on SIGTERM) and waits for the last segments to be stored. */
        void stop() {
            stopped = true;
            try {
                for (Process running : processes.values()) {
                    running.destroy();
                    if (!running.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                        running.destroyForcibly();
                    }
                }
                for (Thread thread : threads) {
                    thread.join(Duration.ofSeconds(10));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
