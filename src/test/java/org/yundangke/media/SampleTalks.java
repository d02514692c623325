package org.yundangke.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.unit.DataSize;

/** The committed sample talks in {@code media/}, and odd files made on the spot with the bundled ffmpeg. */
public final class SampleTalks {

    public static final Path LANDSCAPE = Path.of("media/talk-landscape.mp4");
    public static final Path PORTRAIT = Path.of("media/talk-portrait.mp4");
    public static final Path AUDIO = Path.of("media/talk-audio.m4a");

    private SampleTalks() {
    }

    public static MediaProperties properties() {
        return new MediaProperties(DataSize.ofGigabytes(4), DataSize.ofMegabytes(8), java.time.Duration.ofHours(4),
                List.of(1080, 720, 480, 360), 64, 6, true, java.time.Duration.ofHours(24), 3,
                java.time.Duration.ofMinutes(10));
    }

    /** Runs the bundled ffmpeg with the given arguments (after {@code -y -v error}) and returns the output path. */
    public static Path make(FfmpegTools tools, Path output, String... arguments) {
        List<String> command = new ArrayList<>(List.of(tools.ffmpegPath().toString(), "-hide_banner", "-y", "-v", "error"));
        command.addAll(List.of(arguments));
        command.add(output.toString());
        try {
            Process process = tools.start(command, true);
            String log = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("ffmpeg failed: " + log);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first {@code share} of a file, as a transfer cut off midway leaves it. */
    public static Path truncated(Path source, Path target, double share) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        Files.write(target, java.util.Arrays.copyOf(bytes, (int) (bytes.length * share)));
        return target;
    }
}
