package org.yundangke.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import net.bramp.ffmpeg.probe.FFmpegStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaProbeTest {

    static FfmpegTools tools;
    static MediaProbe probe;

    @TempDir
    Path dir;

    @BeforeAll
    static void tools() {
        tools = FfmpegTools.bundled();
        probe = new MediaProbe(tools, SampleTalks.properties());
    }

    @Test
    void accepts_a_landscape_talk() throws Exception {
        ProbeResult result = probe(SampleTalks.LANDSCAPE);
        assertThat(result.kind()).isEqualTo(MediaKind.VIDEO);
        assertThat(result.width()).isEqualTo(854);
        assertThat(result.height()).isEqualTo(480);
        assertThat(result.hasAudio()).isTrue();
        assertThat(result.durationSeconds()).isBetween(7.5, 8.5);
    }

    @Test
    void sees_a_phone_recording_as_portrait() throws Exception {
        ProbeResult result = probe(SampleTalks.PORTRAIT);
        assertThat(Math.abs(result.rotation())).isEqualTo(90);
        assertThat(result.width()).isEqualTo(360);
        assertThat(result.height()).isEqualTo(640);
        assertThat(result.portrait()).isTrue();
    }

    @Test
    void accepts_an_audio_only_talk_as_an_audio_lesson() throws Exception {
        ProbeResult result = probe(SampleTalks.AUDIO);
        assertThat(result.kind()).isEqualTo(MediaKind.AUDIO);
        assertThat(result.durationSeconds()).isBetween(9.5, 10.5);
    }

    @Test
    void refuses_an_empty_file() throws Exception {
        assertRejected(Files.createFile(dir.resolve("empty.mp4")), Rejection.EMPTY);
    }

    @Test
    void refuses_a_document_renamed_to_mp4() throws Exception {
        Path document = Files.writeString(dir.resolve("学习材料.mp4"), "第一章 党史学习教育\n".repeat(500));
        assertRejected(document, Rejection.NOT_MEDIA);
    }

    @Test
    void refuses_a_photo() throws Exception {
        Path photo = SampleTalks.make(tools, dir.resolve("photo.jpg"), "-f", "lavfi", "-i", "testsrc2=size=320x240",
                "-frames:v", "1");
        assertRejected(photo, Rejection.NOT_MEDIA);
    }

    @Test
    void refuses_a_file_cut_off_in_transfer() throws Exception {
        assertRejected(SampleTalks.truncated(SampleTalks.LANDSCAPE, dir.resolve("cut.mp4"), 0.6), Rejection.CORRUPT);
    }

    @Test
    void refuses_a_streamable_file_cut_off_in_transfer() throws Exception {
        Path faststart = SampleTalks.make(tools, dir.resolve("faststart.mp4"), "-i", SampleTalks.LANDSCAPE.toString(),
                "-c", "copy", "-movflags", "+faststart");
        assertRejected(SampleTalks.truncated(faststart, dir.resolve("cut-faststart.mp4"), 0.5), Rejection.CORRUPT);
    }

    @Test
    void refuses_a_file_without_audio_or_video() throws Exception {
        Path srt = Files.writeString(dir.resolve("captions.srt"), "1\n00:00:00,000 --> 00:00:02,000\n同志们好\n");
        Path subtitlesOnly = SampleTalks.make(tools, dir.resolve("captions.mkv"), "-i", srt.toString(), "-c:s", "srt");
        assertRejected(subtitlesOnly, Rejection.NO_AUDIO_OR_VIDEO);
    }

    @Test
    void refuses_a_talk_over_the_length_limit() throws Exception {
        MediaProperties fiveSeconds = SampleTalks.properties();
        fiveSeconds = new MediaProperties(fiveSeconds.maxUploadSize(), fiveSeconds.chunkSize(), Duration.ofSeconds(5),
                fiveSeconds.ladderHeights(), 64, 6, true, fiveSeconds.staleUploadAfter(), 3, fiveSeconds.playbackTokenTtl());
        MediaProbe strict = new MediaProbe(tools, fiveSeconds);
        assertThatThrownBy(() -> strict.probe(SampleTalks.LANDSCAPE.toString(), Files.size(SampleTalks.LANDSCAPE)))
                .isInstanceOfSatisfying(MediaRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.TOO_LONG));
    }

    @Test
    void refuses_an_unsupported_codec() throws Exception {
        Path lossless = SampleTalks.make(tools, dir.resolve("archive.mkv"), "-f", "lavfi", "-i",
                "testsrc2=duration=2:size=320x240", "-c:v", "ffv1");
        assertRejected(lossless, Rejection.UNSUPPORTED_CODEC);
    }

    @Test
    void every_refusal_has_its_own_message_in_both_languages_saying_what_to_do() {
        org.yundangke.base.Translations translations = new org.yundangke.base.Translations();
        java.util.Set<String> chinese = new java.util.HashSet<>();
        for (Rejection reason : Rejection.values()) {
            String zh = translations.getTranslation(reason.messageKey(), java.util.Locale.SIMPLIFIED_CHINESE, "4 GB");
            String en = translations.getTranslation(reason.messageKey(), java.util.Locale.ENGLISH, "4 GB");
            assertThat(zh).as(reason.name()).doesNotStartWith("!").contains("请");
            assertThat(en).as(reason.name()).doesNotStartWith("!").containsIgnoringCase("please");
            chinese.add(zh);
        }
        assertThat(chinese).hasSize(Rejection.values().length);
    }

    @Test
    void reads_the_rotation_past_side_data_without_one() {
        // how ffmpeg-cli-wrapper 0.9.2 reads an iPhone HDR video: a Dolby Vision entry it cannot map is left null
        FFmpegStream video = new FFmpegStream();
        FFmpegStream.SideData matrix = new FFmpegStream.SideData();
        matrix.rotation = -90;
        video.side_data_list = new FFmpegStream.SideData[]{null, matrix};
        assertThat(MediaProbe.rotationOf(video)).isEqualTo(-90);
        video.side_data_list = new FFmpegStream.SideData[]{null};
        video.tags = java.util.Map.of("rotate", "90");
        assertThat(MediaProbe.rotationOf(video)).isEqualTo(90);
        video.tags = java.util.Map.of("rotate", "sideways");
        assertThat(MediaProbe.rotationOf(video)).isZero();
    }

    private static ProbeResult probe(Path file) throws Exception {
        return probe.probe(file.toString(), Files.size(file));
    }

    private static void assertRejected(Path file, Rejection reason) throws Exception {
        assertThatThrownBy(() -> probe(file)).isInstanceOfSatisfying(MediaRejectedException.class,
                e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }
}
