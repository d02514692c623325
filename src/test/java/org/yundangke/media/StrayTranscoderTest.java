package org.yundangke.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ffmpeg left running by an app that was killed outright is stopped when the app starts again. */
class StrayTranscoderTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path elsewhere;

    final FfmpegTools tools = FfmpegTools.bundled();
    Process stray;
    Process unrelated;

    @AfterEach
    void stopAll() {
        for (Process p : new Process[]{stray, unrelated}) {
            if (p != null) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void an_ffmpeg_writing_into_the_work_folder_is_stopped_and_others_are_left_alone() throws Exception {
        Path work = Files.createDirectories(dataDir.resolve("work").resolve("talk"));
        stray = endlessFfmpeg(work.resolve("out.wav"));
        unrelated = endlessFfmpeg(elsewhere.resolve("out.wav"));
        TranscodeJob job = new TranscodeJob(null, null, tools, null, null, dataDir);

        assertThat(job.strayTranscoders()).extracting(ProcessHandle::pid).containsExactly(stray.pid());
        job.stopStrayTranscoders();

        assertThat(stray.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(unrelated.isAlive()).isTrue();
    }

    /** An ffmpeg that would write a silent track for ten minutes in real time. */
    private Process endlessFfmpeg(Path output) throws Exception {
        Process process = tools.start(List.of(tools.ffmpegPath().toString(), "-nostdin", "-v", "error", "-re",
                "-f", "lavfi", "-i", "anullsrc", "-t", "600", "-y", output.toAbsolutePath().toString()), true);
        process.getInputStream().close();
        assertThat(process.isAlive()).isTrue();
        return process;
    }
}
