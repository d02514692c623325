package org.yundangke.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides with ffprobe (and a short decode of the file's end) whether a file is a talk we can transcode, before
 * anything is kept. Reads from a path or a URL, so a file in the object store is probed where it lies.
 */
@Component
public class MediaProbe {

    /** Codecs ffmpeg decodes well and phones, cameras and recorders produce. */
    static final Set<String> VIDEO_CODECS = Set.of("h264", "hevc", "vp8", "vp9", "av1", "mpeg4", "mpeg2video",
            "mpeg1video", "h263", "wmv2", "wmv3", "vc1", "prores", "mjpeg");
    static final Set<String> AUDIO_CODECS = Set.of("aac", "mp3", "mp2", "opus", "vorbis", "flac", "alac", "ac3",
            "eac3", "amr_nb", "amr_wb", "wmav1", "wmav2", "pcm_s16le", "pcm_s24le", "pcm_s16be", "pcm_u8", "pcm_f32le",
            "pcm_mulaw", "pcm_alaw", "adpcm_ima_wav");
    /** Still-picture containers: a photo is not a talk. */
    static final Set<String> PICTURE_FORMATS = Set.of("image2", "png_pipe", "jpeg_pipe", "webp_pipe", "gif",
            "bmp_pipe", "tiff_pipe", "svg_pipe", "heif");

    private final FfmpegTools tools;
    private final MediaProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    MediaProbe(FfmpegTools tools, MediaProperties properties) {
        this.tools = tools;
        this.properties = properties;
    }

    public ProbeResult probe(String input, long sizeBytes) {
        if (sizeBytes <= 0) {
            throw new MediaRejectedException(Rejection.EMPTY, "0 bytes");
        }
        Run run = run(List.of(tools.ffprobePath().toString(), "-v", "error", "-print_format", "json",
                "-show_format", "-show_streams", input));
        if (run.exitCode != 0) {
            throw new MediaRejectedException(looksLikeMedia(head(input)) ? Rejection.CORRUPT : Rejection.NOT_MEDIA,
                    withoutInput(run.stderr, input));
        }
        ProbeResult result = judge(json.readTree(run.stdout));
        requireDecodableEnd(input, result.durationSeconds());
        return result;
    }

    /**
     * Whether a file that ffprobe cannot read starts like a media container (then it is damaged) or not (then it is
     * something else, e.g. a document renamed to .mp4: ffprobe picks its demuxer by the name, so its error can't tell).
     */
    static boolean looksLikeMedia(byte[] head) {
        if (head.length < 12) {
            return false;
        }
        String box = new String(head, 4, 4, StandardCharsets.ISO_8859_1);
        String start = new String(head, 0, 4, StandardCharsets.ISO_8859_1);
        int b0 = head[0] & 0xff;
        int b1 = head[1] & 0xff;
        return Set.of("ftyp", "moov", "mdat", "free", "wide", "skip").contains(box)  // MP4, MOV, M4A, 3GP
                || Set.of("RIFF", "OggS", "fLaC", "FLV\u0001", "#!AM").contains(start)  // AVI/WAV, Ogg, FLAC, FLV, AMR
                || start.startsWith("ID3")                                            // MP3 with tags
                || (b0 == 0x1a && b1 == 0x45 && (head[2] & 0xff) == 0xdf && (head[3] & 0xff) == 0xa3) // MKV, WebM
                || (b0 == 0x30 && b1 == 0x26 && (head[2] & 0xff) == 0xb2)            // ASF, WMV, WMA
                || (b0 == 0xff && (b1 & 0xe0) == 0xe0)                                // MPEG audio frame
                || b0 == 0x47;                                                        // MPEG-TS sync byte
    }

    /** The first bytes of a file or URL. */
    static byte[] head(String input) {
        try (InputStream in = input.startsWith("http") ? URI.create(input).toURL().openStream()
                : Files.newInputStream(Path.of(input))) {
            return in.readNBytes(16);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private ProbeResult judge(JsonNode probe) {
        JsonNode format = probe.path("format");
        if (PICTURE_FORMATS.contains(format.path("format_name").asString(""))) {
            throw new MediaRejectedException(Rejection.NOT_MEDIA, "a still picture: " + format.path("format_name"));
        }
        JsonNode video = null;
        JsonNode audio = null;
        for (JsonNode stream : probe.path("streams")) {
            String type = stream.path("codec_type").asString("");
            boolean coverArt = stream.path("disposition").path("attached_pic").asInt(0) == 1;
            if ("video".equals(type) && !coverArt && video == null) {
                video = stream;
            } else if ("audio".equals(type) && audio == null) {
                audio = stream;
            }
        }
        if (video == null && audio == null) {
            throw new MediaRejectedException(Rejection.NO_AUDIO_OR_VIDEO, "streams: " + probe.path("streams").size());
        }
        double duration = format.path("duration").asDouble(0);
        if (duration <= 0) {
            throw new MediaRejectedException(Rejection.CORRUPT, "no duration");
        }
        if (duration > properties.maxDuration().toSeconds()) {
            throw new MediaRejectedException(Rejection.TOO_LONG, duration + " s");
        }
        requireSupported(video, VIDEO_CODECS);
        requireSupported(audio, AUDIO_CODECS);
        if (video == null) {
            return new ProbeResult(MediaKind.AUDIO, duration, 0, 0, 0, 0, true, audio.path("channels").asInt(2));
        }
        int rotation = rotationOf(video);
        int width = video.path("width").asInt();
        int height = video.path("height").asInt();
        boolean sideways = Math.abs(rotation) % 180 == 90;
        return new ProbeResult(MediaKind.VIDEO, duration, sideways ? height : width, sideways ? width : height,
                rotation, frameRate(video), audio != null, audio == null ? 0 : audio.path("channels").asInt(2));
    }

    private static void requireSupported(JsonNode stream, Set<String> codecs) {
        if (stream != null && !codecs.contains(stream.path("codec_name").asString(""))) {
            throw new MediaRejectedException(Rejection.UNSUPPORTED_CODEC, stream.path("codec_name").asString("?"));
        }
    }

    private static int rotationOf(JsonNode video) {
        for (JsonNode side : video.path("side_data_list")) {
            if (side.has("rotation")) {
                return side.path("rotation").asInt();
            }
        }
        return video.path("tags").path("rotate").asInt(0);
    }

    private static double frameRate(JsonNode video) {
        String[] parts = video.path("avg_frame_rate").asString("0/0").split("/");
        double denominator = parts.length == 2 ? Double.parseDouble(parts[1]) : 0;
        return denominator == 0 ? 25 : Double.parseDouble(parts[0]) / denominator;
    }

    /** A file cut off in transfer often has a valid header; decoding its last seconds finds the damage. */
    private void requireDecodableEnd(String input, double duration) {
        Run run = run(List.of(tools.ffmpegPath().toString(), "-v", "error", "-xerror",
                "-ss", String.valueOf(Math.max(0, duration - 2)), "-i", input, "-t", "2", "-f", "null", "-"));
        if (run.exitCode != 0) {
            throw new MediaRejectedException(Rejection.CORRUPT, withoutInput(run.stderr, input));
        }
    }

    /** The tools' messages name their input, a presigned URL whose signature must not reach a log or a page. */
    static String withoutInput(String output, String input) {
        return output.replace(input, "<original>").strip();
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private Run run(List<String> command) {
        try {
            Process process = tools.start(command, false);
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String stdout = read(process.getInputStream());
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new MediaRejectedException(Rejection.CORRUPT, "probe timed out");
            }
            return new Run(process.exitValue(), stdout, stderr.join());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing", e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
