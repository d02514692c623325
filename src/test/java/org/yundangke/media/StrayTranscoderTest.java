package org.yundangke.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yundangke.base.AppProperties;

/**
 * An ffmpeg left running by an app that was killed outright (re-parented away from any JVM) is stopped when the app
 * starts again; a transcode this JVM runs itself, and ffmpegs writing elsewhere, are left alone.
 */
class StrayTranscoderTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path elsewhere;

    final FfmpegTools tools = FfmpegTools.bundled();
    ProcessHandle stray;
    Process own;

    @AfterEach
    void stopAll() {
        if (stray != null) {
            stray.destroyForcibly();
        }
        if (own != null) {
            own.destroyForcibly();
        }
    }

    @Test
    void an_orphaned_ffmpeg_writing_into_the_work_folder_is_stopped_and_others_are_left_alone() throws Exception {
        Path work = Files.createDirectories(dataDir.resolve("work").resolve("talk"));
        Path orphanOutput = work.resolve("orphan.wav");
        // started through a shell that exits at once: the ffmpeg is adopted by init, as after a kill -9 of the app
        ProcessBuilder shell = new ProcessBuilder("sh", "-c", String.join(" ", ffmpegArgs(orphanOutput))
                + " >/dev/null 2>&1 &").inheritIO();
        shell.environment().put("LD_LIBRARY_PATH", tools.ffmpegPath().getParent().toString());
        shell.start().waitFor(10, TimeUnit.SECONDS);
        stray = await(orphanOutput);
        own = tools.start(ffmpegArgs(work.resolve("mine.wav")), true);
        Process unrelated = tools.start(ffmpegArgs(elsewhere.resolve("out.wav")), true);
        TranscodeJob job = new TranscodeJob(null, null, tools, null, null, new AppProperties(dataDir), null, null);

        assertThat(job.strayTranscoders()).extracting(ProcessHandle::pid).containsExactly(stray.pid());
        job.stopStrayTranscoders();

        assertThat(stray.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(own.isAlive()).isTrue();
        assertThat(unrelated.isAlive()).isTrue();
        unrelated.destroyForcibly();
    }

    /** An ffmpeg that would write a silent track for ten minutes in real time. */
    private List<String> ffmpegArgs(Path output) {
        return List.of(tools.ffmpegPath().toString(), "-nostdin", "-v", "error", "-re", "-f", "lavfi", "-i",
                "anullsrc", "-t", "600", "-y", output.toAbsolutePath().toString());
    }

    private ProcessHandle await(Path output) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            Optional<ProcessHandle> found = ProcessHandle.allProcesses().filter(p -> p.info().arguments()
                    .filter(args -> List.of(args).contains(output.toAbsolutePath().toString())).isPresent())
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the orphaned ffmpeg did not start");
    }
}
