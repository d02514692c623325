package org.yundangke.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.bramp.ffmpeg.probe.FFmpegProbeResult;
import net.bramp.ffmpeg.probe.FFmpegStream;
import net.bramp.ffmpeg.shared.CodecType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-process ladder, run for real on the sample talks and checked with ffprobe. */
class LadderTest {

    static FfmpegTools tools;
    static MediaProbe probe;

    @TempDir
    Path out;

    @BeforeAll
    static void tools() {
        tools = FfmpegTools.bundled();
        probe = new MediaProbe(tools, SampleTalks.properties());
    }

    @Test
    void the_ladder_never_goes_above_the_source() {
        ProbeResult source = new ProbeResult(MediaKind.VIDEO, 60, 1280, 720, 0, 29.97, true, 2);
        assertThat(Ladder.plan(source, SampleTalks.properties()).heights()).containsExactly(720, 480, 360);
        ProbeResult tiny = new ProbeResult(MediaKind.VIDEO, 60, 320, 241, 0, 15, true, 2);
        assertThat(Ladder.plan(tiny, SampleTalks.properties()).heights()).containsExactly(240);
        ProbeResult fast = new ProbeResult(MediaKind.VIDEO, 60, 1920, 1080, 0, 59.94, true, 6);
        assertThat(Ladder.plan(fast, SampleTalks.properties()).fps()).isEqualTo(30);
    }

    @Test
    void a_landscape_talk_becomes_a_capped_ladder_with_an_audio_only_rendition_and_a_poster() throws Exception {
        Ladder ladder = transcode(SampleTalks.LANDSCAPE);
        assertThat(ladder.renditionNames()).containsExactly("480", "360", "audio64");
        String master = Files.readString(out.resolve(Ladder.MASTER));
        assertThat(master).contains("480/index.m3u8", "360/index.m3u8", "audio64/index.m3u8");
        assertThat(master).doesNotContain("720/", "1080/");

        FFmpegStream top = video(firstSegment("480"));
        assertThat(top.height).isEqualTo(480);
        assertThat(top.width).isEqualTo(854);
        assertThat(video(firstSegment("360")).height).isEqualTo(360);
        assertThat(tools.probe(firstSegment("audio64")).getStreams()).extracting(s -> s.codec_type)
                .containsExactly(CodecType.AUDIO);
        assertThat(out.resolve(Ladder.POSTER)).isNotEmptyFile();
        assertThat(Files.readString(out.resolve("480/index.m3u8"))).contains("#EXT-X-TARGETDURATION:6");
    }

    @Test
    void a_portrait_phone_video_stays_upright() throws Exception {
        Ladder ladder = transcode(SampleTalks.PORTRAIT);
        assertThat(ladder.heights()).containsExactly(360);
        FFmpegStream stored = video(firstSegment("360"));
        assertThat(stored.width).as("stored upright, not rotated by metadata").isEqualTo(360);
        assertThat(stored.height).isEqualTo(640);
        Path segment = firstSegment("360");
        assertThat(probe.probe(segment.toString(), Files.size(segment)).rotation()).isZero();
    }

    @Test
    void an_audio_only_talk_becomes_audio_renditions() throws Exception {
        Ladder ladder = transcode(SampleTalks.AUDIO);
        assertThat(ladder.renditionNames()).containsExactly("audio128", "audio64");
        assertThat(Files.readString(out.resolve(Ladder.MASTER))).contains("audio128/index.m3u8", "audio64/index.m3u8");
        assertThat(out.resolve(Ladder.POSTER)).doesNotExist();
    }

    @Test
    void progress_reads_ffmpeg_output_time() {
        assertThat(TranscodeJob.percent("4500000", 9)).isEqualTo(50);
        assertThat(TranscodeJob.percent("N/A", 9)).isZero();
        assertThat(TranscodeJob.percent("20000000", 9)).isEqualTo(99);
    }

    private Ladder transcode(Path sample) throws Exception {
        Ladder ladder = Ladder.plan(probe.probe(sample.toString(), Files.size(sample)), SampleTalks.properties());
        List<String> command = new ArrayList<>(List.of(tools.ffmpegPath().toString()));
        command.addAll(ladder.ffmpegArguments(sample.toString(), out));
        Process process = tools.start(command, true);
        String log = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(log).isZero();
        return ladder;
    }

    private Path firstSegment(String rendition) {
        return out.resolve(rendition).resolve("seg_00000.ts");
    }

    private static FFmpegStream video(Path segment) throws Exception {
        FFmpegProbeResult result = tools.probe(segment);
        return result.getStreams().stream().filter(s -> s.codec_type == CodecType.VIDEO).findFirst().orElseThrow();
    }
}
