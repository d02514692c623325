package org.yundangke.media;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import net.bramp.ffmpeg.FFmpegException;
import net.bramp.ffmpeg.FFprobe;
import net.bramp.ffmpeg.probe.FFmpegProbeResult;
import net.bramp.ffmpeg.probe.FFmpegStream;
import net.bramp.ffmpeg.shared.CodecType;
import org.apache.commons.lang3.math.Fraction;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Decides with ffprobe (and a short decode of the file's end) whether a file is a talk we can transcode, before
 * anything is kept. Reads from a path or a URL, so a file in the object store is probed where it lies. The probe runs
 * through ffmpeg-cli-wrapper's {@link FFprobe} ({@code -show_error} keeps the input's name out of its error); the
 * wrapper has no time limit and no decode check, so a watchdog stops a probe that hangs and the end is decoded by hand.
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

    /** How long a probe or the decode of the end may take before the file counts as damaged. */
    static final Duration TIME_LIMIT = Duration.ofMinutes(5);
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("probe-watchdog").factory());

    private final FfmpegTools tools;
    private final MediaProperties properties;
    /** Where the probe running on this thread puts its ffprobe process, for that probe's watchdog. */
    private final ThreadLocal<AtomicReference<Process>> probing = new ThreadLocal<>();
    private final FFprobe ffprobe;

    MediaProbe(FfmpegTools tools, MediaProperties properties) {
        this.tools = tools;
        this.properties = properties;
        this.ffprobe = new FFprobe(tools.ffprobePath().toString(), command -> {
            Process process = tools.start(command, true);
            AtomicReference<Process> holder = probing.get();
            if (holder != null) {
                holder.set(process);
            }
            return process;
        });
    }

    public ProbeResult probe(String input, long sizeBytes) {
        if (sizeBytes <= 0) {
            throw new MediaRejectedException(Rejection.EMPTY, "0 bytes");
        }
        ProbeResult result = judge(ffprobe(input));
        requireDecodableEnd(input, result.durationSeconds());
        return result;
    }

    private FFmpegProbeResult ffprobe(String input) {
        AtomicBoolean timedOut = new AtomicBoolean();
        AtomicReference<Process> process = new AtomicReference<>(); // this probe's own: never the next one's
        probing.set(process);
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            timedOut.set(true);
            Optional.ofNullable(process.get()).ifPresent(Process::destroyForcibly);
        }, TIME_LIMIT.toSeconds(), TimeUnit.SECONDS);
        try {
            return ffprobe.probe(input);
        } catch (FFmpegException | JsonParseException refused) {
            if (timedOut.get()) {
                throw new MediaRejectedException(Rejection.CORRUPT, "probe timed out");
            }
            String error = refused instanceof FFmpegException failed && failed.getError() != null
                    ? failed.getError().getString() : "ffprobe failed: " + refused.getMessage();
            throw new MediaRejectedException(looksLikeMedia(head(input)) ? Rejection.CORRUPT : Rejection.NOT_MEDIA,
                    withoutInput(error, input));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + tools.ffprobePath(), e);
        } finally {
            watchdog.cancel(false);
            probing.remove();
        }
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

    /** The first bytes of a file or URL (nothing if the store does not answer within seconds). */
    static byte[] head(String input) {
        try (InputStream in = input.startsWith("http") ? opened(URI.create(input).toURL().openConnection())
                : Files.newInputStream(Path.of(input))) {
            return in.readNBytes(16);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static InputStream opened(URLConnection connection) throws IOException {
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(30_000);
        return connection.getInputStream();
    }

    private ProbeResult judge(FFmpegProbeResult probe) {
        String formatName = probe.getFormat() == null ? "" : String.valueOf(probe.getFormat().format_name);
        if (PICTURE_FORMATS.contains(formatName)) {
            throw new MediaRejectedException(Rejection.NOT_MEDIA, "a still picture: " + formatName);
        }
        FFmpegStream video = null;
        FFmpegStream audio = null;
        List<FFmpegStream> streams = probe.getStreams() == null ? List.of() : probe.getStreams();
        for (FFmpegStream stream : streams) {
            boolean coverArt = stream.disposition != null && stream.disposition.attached_pic;
            if (stream.codec_type == CodecType.VIDEO && !coverArt && video == null) {
                video = stream;
            } else if (stream.codec_type == CodecType.AUDIO && audio == null) {
                audio = stream;
            }
        }
        if (video == null && audio == null) {
            throw new MediaRejectedException(Rejection.NO_AUDIO_OR_VIDEO, "streams: " + streams.size());
        }
        double duration = probe.getFormat() == null ? 0 : probe.getFormat().duration;
        if (duration <= 0) {
            throw new MediaRejectedException(Rejection.CORRUPT, "no duration");
        }
        if (duration > properties.maxDuration().toSeconds()) {
            throw new MediaRejectedException(Rejection.TOO_LONG, duration + " s");
        }
        requireSupported(video, VIDEO_CODECS);
        requireSupported(audio, AUDIO_CODECS);
        if (video == null) {
            return new ProbeResult(MediaKind.AUDIO, duration, 0, 0, 0, 0, true, channels(audio));
        }
        int rotation = rotationOf(video);
        boolean sideways = Math.abs(rotation) % 180 == 90;
        return new ProbeResult(MediaKind.VIDEO, duration, sideways ? video.height : video.width,
                sideways ? video.width : video.height, rotation, frameRate(video), audio != null,
                audio == null ? 0 : channels(audio));
    }

    private static void requireSupported(@Nullable FFmpegStream stream, Set<String> codecs) {
        if (stream != null && !codecs.contains(String.valueOf(stream.codec_name))) {
            throw new MediaRejectedException(Rejection.UNSUPPORTED_CODEC, String.valueOf(stream.codec_name));
        }
    }

    private static int channels(FFmpegStream audio) {
        return audio.channels > 0 ? audio.channels : 2;
    }

    static int rotationOf(FFmpegStream video) {
        if (video.side_data_list != null) {
            for (FFmpegStream.SideData side : video.side_data_list) {
                // the wrapper leaves an entry without a rotation (Dolby Vision, HDR levels) null
                if (side != null && side.rotation != 0) {
                    return side.rotation;
                }
            }
        }
        String rotate = video.tags == null ? "" : video.tags.getOrDefault("rotate", "");
        return rotate.strip().matches("-?\\d{1,3}") ? Integer.parseInt(rotate.strip()) : 0;
    }

    private static double frameRate(FFmpegStream video) {
        Fraction rate = video.avg_frame_rate;
        return rate == null || rate.getDenominator() == 0 || rate.getNumerator() == 0 ? 25 : rate.doubleValue();
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
            // both streams read aside: the wait below is what the time limit holds, even for a decode that hangs
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            if (!process.waitFor(TIME_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new MediaRejectedException(Rejection.CORRUPT, "decoding timed out");
            }
            return new Run(process.exitValue(), stdout.join(), stderr.join());
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
