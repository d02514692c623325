package org.yundangke.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The media pipeline's pieces, opened up for the benchmarks in {@code org.yundangke.bench}. */
@Component
public class MediaBench {

    private final FfmpegTools tools;
    private final MediaProbe probe;
    private final MediaProperties properties;
    private final Uploads uploads;
    private final TranscodeJob transcodeJob;

    MediaBench(FfmpegTools tools, MediaProbe probe, MediaProperties properties, Uploads uploads,
               TranscodeJob transcodeJob) {
        this.tools = tools;
        this.probe = probe;
        this.properties = properties;
        this.uploads = uploads;
        this.transcodeJob = transcodeJob;
    }

    public Path make(Path output, String... arguments) {
        return SampleTalks.make(tools, output, arguments);
    }

    public List<String> renditions(Path source) throws IOException {
        return plan(source).renditionNames();
    }

    /** The app's own single-process ladder command for a local file. */
    public List<String> ladderArguments(Path source, Path out) throws IOException {
        Files.createDirectories(out);
        return plan(source).ffmpegArguments(source.toString(), out);
    }

    /** The same ladder made the naive way: one ffmpeg per rendition and one for the poster, each decoding again. */
    public List<List<String>> perRenditionArguments(Path source, Path out) throws IOException {
        Ladder ladder = plan(source);
        int gop = ladder.fps() * ladder.segmentSeconds();
        List<List<String>> commands = new ArrayList<>();
        for (int height : ladder.heights()) {
            Path dir = Files.createDirectories(out.resolve(String.valueOf(height)));
            int kbps = Ladder.videoKbps(height);
            commands.add(hls(source, dir, "-vf", "fps=" + ladder.fps() + ",format=yuv420p,scale=-2:" + height,
                    "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "main", "-b:v", kbps + "k",
                    "-maxrate", (kbps * 3 / 2) + "k", "-bufsize", (kbps * 2) + "k", "-g", String.valueOf(gop),
                    "-keyint_min", String.valueOf(gop), "-sc_threshold", "0",
                    "-c:a", "aac", "-b:a", height > 480 ? "128k" : "96k", "-ac", "2", "-ar", "48000"));
        }
        Path audio = Files.createDirectories(out.resolve("audio" + ladder.audioOnlyKbps()));
        commands.add(hls(source, audio, "-vn", "-c:a", "aac", "-b:a", ladder.audioOnlyKbps() + "k", "-ac", "2",
                "-ar", "48000"));
        double posterAt = Math.min(10, ladder.source().durationSeconds() / 10);
        commands.add(List.of("-hide_banner", "-nostdin", "-y", "-v", "error", "-ss", String.valueOf(posterAt), "-i",
                source.toString(), "-vf", "scale=-2:" + ladder.heights().getFirst(), "-frames:v", "1", "-q:v", "3",
                out.resolve(Ladder.POSTER).toString()));
        return commands;
    }

    /** Runs ffmpeg with the arguments and returns its wall time in nanoseconds. */
    public long timeFfmpeg(List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(tools.ffmpegPath().toString()));
        command.addAll(arguments);
        long start = System.nanoTime();
        Process process = tools.start(command, true);
        String log = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + log);
        }
        return System.nanoTime() - start;
    }

    /** Uploads the file into the store as the app does, then times the transcode job alone. */
    public long timeAppTranscode(byte[] file, String name) throws Exception {
        Uploads.UploadStatus started = uploads.start("lecturer", name, file.length, System.nanoTime());
        UUID id = started.mediaId();
        for (int part = 1; part <= started.totalParts(); part++) {
            int from = (part - 1) * started.chunkSize();
            byte[] slice = Arrays.copyOfRange(file, from, Math.min(file.length, from + started.chunkSize()));
            uploads.receivePart(id, "lecturer", part, new ByteArrayInputStream(slice));
        }
        uploads.complete(id, "lecturer");
        long start = System.nanoTime();
        transcodeJob.transcode(id);
        return System.nanoTime() - start;
    }

    /** Uploads through the HTTP API as the browser does, then runs the transcode job; returns the talk's id. */
    public UUID uploadAndTranscode(org.yundangke.AppSession session, byte[] file) throws Exception {
        String id = UploadFlowTest.uploadWhole(session, "talk.mp4", file);
        java.net.http.HttpResponse<String> done = session.postJson("/api/uploads/" + id + "/complete", "");
        if (done.statusCode() != 200) {
            throw new IllegalStateException(done.body());
        }
        transcodeJob.transcode(UUID.fromString(id));
        return UUID.fromString(id);
    }

    private Ladder plan(Path source) throws IOException {
        return Ladder.plan(probe.probe(source.toString(), Files.size(source)), properties);
    }

    private static List<String> hls(Path source, Path dir, String... codecArguments) {
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-v", "error", "-i",
                source.toString()));
        args.addAll(List.of(codecArguments));
        args.addAll(List.of("-f", "hls", "-hls_time", "6", "-hls_playlist_type", "vod",
                "-hls_segment_filename", dir.resolve("seg_%05d.ts").toString(), dir.resolve("index.m3u8").toString()));
        return args;
    }
}
