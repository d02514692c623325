package org.yundangke.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.media.MediaBench;

/**
 * A 60 s 1080p talk into the full ladder, three ways in one run: the app's transcode job (object store in, object
 * store out), the same single ffmpeg command on a local file, and one ffmpeg per rendition. Run: {@code mvn test -Pbench
 * -Dtest=TranscodeBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest
@ActiveProfiles("test")
class TranscodeBenchmark {

    @Autowired
    MediaBench media;

    @TempDir
    Path dir;

    @Test
    void one_process_ladder_against_direct_ffmpeg_and_one_process_per_rendition() throws Exception {
        Path source = media.make(dir.resolve("talk-1080p.mp4"), "-f", "lavfi", "-i",
                "testsrc2=duration=60:size=1920x1080:rate=30", "-f", "lavfi", "-i", "sine=frequency=300:duration=60",
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");

        List<String> oneProcess = media.ladderArguments(source, dir.resolve("direct"));
        long direct = media.timeFfmpeg(oneProcess);

        long perRendition = 0;
        for (List<String> single : media.perRenditionArguments(source, dir.resolve("separate"))) {
            perRendition += media.timeFfmpeg(single);
        }

        long app = media.timeAppTranscode(Files.readAllBytes(source), source.getFileName().toString());

        double appRatio = (double) app / direct;
        double ladderRatio = (double) direct / perRendition;
        BenchmarkReport.write("Transcode: 60 s 1080p30 → " + media.renditions(source), String.join("\n",
                "| run | wall time |", "|---|---|",
                "| app: TranscodeJob (ffmpeg reading the original from the store over HTTP, segments stored back) | " + BenchmarkReport.seconds(app) + " |",
                "| the same one ffmpeg command, local file in and out | " + BenchmarkReport.seconds(direct) + " |",
                "| one ffmpeg per rendition (+ poster), one after another | " + BenchmarkReport.seconds(perRendition) + " |",
                "",
                String.format("- app ÷ direct = **%.3f** (target ≤ 1.05)", appRatio),
                String.format("- one process ÷ one per rendition = **%.3f** (target ≤ 0.77)", ladderRatio)));
        assertThat(app).isPositive();
    }


}
