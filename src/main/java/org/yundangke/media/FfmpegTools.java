package org.yundangke.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.bramp.ffmpeg.FFmpeg;
import net.bramp.ffmpeg.FFprobe;
import net.bramp.ffmpeg.ProcessFunction;
import net.bramp.ffmpeg.probe.FFmpegProbeResult;
import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ffmpeg and ffprobe, from a configured path or from the {@code org.bytedeco:ffmpeg} package (GPL build, with libx264;
 * nothing is downloaded). A self-check at start runs both and fails with the Debian packages to install when a shared
 * library is missing.
 */
public class FfmpegTools {

    static final String MISSING_LIBRARIES_HINT = "ffmpeg cannot start because a shared library is missing. "
            + "On Debian/Ubuntu install them with: sudo apt-get install libpulse0 libva2 libva-drm2";

    private static final Logger log = LoggerFactory.getLogger(FfmpegTools.class);

    private final Path ffmpegPath;
    private final Path ffprobePath;
    private final ProcessFunction processes;

    FfmpegTools(Path ffmpegPath, Path ffprobePath) {
        this.ffmpegPath = ffmpegPath;
        this.ffprobePath = ffprobePath;
        this.processes = command -> start(command, true);
    }

    /** The binaries from the bytedeco package, extracted to the JavaCPP cache on first use. */
    static FfmpegTools bundled() {
        try {
            return new FfmpegTools(Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class)),
                    Path.of(Loader.load(org.bytedeco.ffmpeg.ffprobe.class)));
        } catch (LinkageError e) {
            throw new IllegalStateException(MISSING_LIBRARIES_HINT + " (" + e.getMessage() + ")", e);
        }
    }

    public FFmpeg ffmpeg() throws IOException {
        return new FFmpeg(ffmpegPath.toString(), processes);
    }

    public FFprobe ffprobe() throws IOException {
        return new FFprobe(ffprobePath.toString(), processes);
    }

    public FFmpegProbeResult probe(Path file) throws IOException {
        return ffprobe().probe(file.toString());
    }

    public Path ffmpegPath() {
        return ffmpegPath;
    }

    public Path ffprobePath() {
        return ffprobePath;
    }

    /** Runs {@code -version} on both binaries and returns their first lines; throws with install advice on failure. */
    List<String> selfCheck() {
        List<String> versions = List.of(versionOf(ffmpegPath), versionOf(ffprobePath));
        versions.forEach(v -> log.info("Media tools ready: {}", v));
        return versions;
    }

    private String versionOf(Path binary) {
        try {
            Process process = start(List.of(binary.toString(), "-hide_banner", "-version"), true);
            String output;
            try (InputStream out = process.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException((output.contains("error while loading shared libraries")
                        ? MISSING_LIBRARIES_HINT : binary + " -version failed") + ": " + output.strip());
            }
            return output.lines().findFirst().orElse(binary.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + binary + ": " + e.getMessage()
                    + ". Set YUNDANGKE_FFMPEG/YUNDANGKE_FFPROBE to working binaries.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking " + binary, e);
        }
    }

    /**
     * Starts a child process with the binary's own folder on {@code LD_LIBRARY_PATH}: the bytedeco build links
     * libva there, which Debian only has with libva2 installed.
     */
    Process start(List<String> command, boolean mergeErrors) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(mergeErrors);
        String folder = Path.of(command.getFirst()).toAbsolutePath().getParent().toString();
        String existing = builder.environment().get("LD_LIBRARY_PATH");
        builder.environment().put("LD_LIBRARY_PATH", existing == null ? folder : folder + ":" + existing);
        return builder.start();
    }
}
