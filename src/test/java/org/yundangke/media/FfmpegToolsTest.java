package org.yundangke.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import net.bramp.ffmpeg.probe.FFmpegProbeResult;
import net.bramp.ffmpeg.probe.FFmpegStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegToolsTest {

    static FfmpegTools tools;

    @TempDir
    Path dir;

    @BeforeAll
    static void resolveBundledBinaries() {
        tools = FfmpegTools.bundled();
    }

    @Test
    void self_check_reports_both_versions() {
        assertThat(tools.selfCheck()).satisfiesExactly(
                ffmpeg -> assertThat(ffmpeg).startsWith("ffmpeg version"),
                ffprobe -> assertThat(ffprobe).startsWith("ffprobe version"));
    }

    @Test
    void probes_a_tiny_clip_made_with_the_bundled_ffmpeg() throws Exception {
        Path clip = dir.resolve("tiny.mp4");
        tools.ffmpeg().run(List.of("-hide_banner", "-loglevel", "error",
                "-f", "lavfi", "-i", "testsrc2=duration=2:size=320x180:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=2",
                "-c:v", "libx264", "-c:a", "aac", "-shortest", clip.toString()));

        FFmpegProbeResult probe = tools.probe(clip);
        FFmpegStream video = probe.getStreams().stream()
                .filter(s -> s.codec_type == net.bramp.ffmpeg.shared.CodecType.VIDEO).findFirst().orElseThrow();
        assertThat(video.codec_name).isEqualTo("h264");
        assertThat(video.width).isEqualTo(320);
        assertThat(video.height).isEqualTo(180);
        assertThat(probe.getStreams()).anyMatch(s -> s.codec_type == net.bramp.ffmpeg.shared.CodecType.AUDIO
                && "aac".equals(s.codec_name));
        assertThat(probe.getFormat().duration).isCloseTo(2.0, within(0.2));
    }

    @Test
    void a_missing_binary_fails_with_advice() {
        FfmpegTools broken = new FfmpegTools(Path.of("/nonexistent/ffmpeg"), Path.of("/nonexistent/ffprobe"));
        org.assertj.core.api.Assertions.assertThatThrownBy(broken::selfCheck)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("YUNDANGKE_FFMPEG");
    }
}
