package org.yundangke.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.AppSession;
import org.yundangke.Logins;
import org.yundangke.base.StudyCalendar;

/** From a finished upload through the transcode job to authorised playback, and the refusals around it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PlaybackTest {

    @LocalServerPort
    int port;

    @Autowired
    TranscodeJob transcodeJob;

    @Autowired
    MediaLibrary library;

    @Autowired
    MediaRepository media;

    @Autowired
    MediaObjects objects;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MediaProperties properties;

    @Value("${yundangke.data-dir}")
    Path dataDir;

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void the_uploader_plays_the_ladder_with_ranges_and_others_are_refused() throws Exception {
        AppSession lecturer = AppSession.login(port, "lecturer", "demo1234");
        UUID id = uploadAndTranscode(lecturer, SampleTalks.LANDSCAPE);
        assertThat(media.findById(id).orElseThrow().toInfo().renditions()).isEqualTo("480,360,audio64");

        logins.as("lecturer");
        MediaLibrary.PlaybackSource source = library.play(id);
        HttpResponse<String> master = lecturer.get(source.masterUrl());
        assertThat(master.statusCode()).isEqualTo(200);
        assertThat(master.body()).startsWith("#EXTM3U").contains("480/index.m3u8");
        String variantBase = source.masterUrl().replace("master.m3u8", "480/");
        HttpResponse<String> variant = lecturer.get(variantBase + "index.m3u8");
        assertThat(variant.body()).contains("seg_00000.ts");

        byte[] whole = lecturer.getBytes(variantBase + "seg_00000.ts", null).body();
        HttpResponse<byte[]> range = lecturer.getBytes(variantBase + "seg_00000.ts", "bytes=100-199");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 100-199/" + whole.length);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(whole, 100, 200));
        assertThat(lecturer.getBytes(source.posterUrl(), null).statusCode()).isEqualTo(200);

        // what went wrong, told apart: a missing segment, a range past the end, a range that is not one
        HttpResponse<String> missing = lecturer.get(variantBase + "seg_09999.ts");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).doesNotContain("Exception", "trace");
        HttpResponse<byte[]> pastTheEnd = lecturer.getBytes(variantBase + "seg_00000.ts", "bytes=" + whole.length + "-");
        assertThat(pastTheEnd.statusCode()).isEqualTo(416);
        assertThat(pastTheEnd.headers().firstValue("Content-Range")).hasValue("bytes */" + whole.length);
        assertThat(lecturer.getBytes(variantBase + "seg_00000.ts", "bytes=200-100").statusCode()).isEqualTo(416);
        assertThat(lecturer.getBytes(variantBase + "seg_00000.ts", "pages=1-2").statusCode()).isEqualTo(416);
        assertThat(lecturer.getBytes(variantBase + "seg_00000.ts", "bytes=-100").body())
                .isEqualTo(Arrays.copyOfRange(whole, whole.length - 100, whole.length));

        // a member has no access to this talk: not through the service, not with the lecturer's URL
        AppSession member = AppSession.login(port, "member", "demo1234");
        assertThat(member.get(source.masterUrl()).statusCode()).isEqualTo(403);
        logins.as("member");
        assertThatThrownBy(() -> library.play(id)).isInstanceOf(AccessDeniedException.class);
        // nobody logged in: sent to the login, never the playlist
        assertThat(AppSession.anonymous(port).get(source.masterUrl()).statusCode()).isNotEqualTo(200);

        // names guessed from the object layout are refused even with a valid token
        String base = "/play/" + source.token() + "/" + id + "/";
        assertThat(lecturer.get(base + "original").statusCode()).isEqualTo(403);
        assertThat(lecturer.get(base + "hls/../original").statusCode()).isNotEqualTo(200);
        assertThat(lecturer.get("/play/" + source.token() + "/" + UUID.randomUUID() + "/hls/master.m3u8").statusCode())
                .isEqualTo(403);
    }

    @Test
    void an_expired_playback_url_stops_working() throws Exception {
        AppSession lecturer = AppSession.login(port, "lecturer", "demo1234");
        UUID id = uploadAndTranscode(lecturer, SampleTalks.AUDIO);
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        String expired = new PlaybackTokens(jdbc, properties, new StudyCalendar(anHourAgo)).issue(id, "lecturer");
        assertThat(lecturer.get("/play/" + expired + "/" + id + "/hls/master.m3u8").statusCode()).isEqualTo(403);
        String fresh = new PlaybackTokens(jdbc, properties, new StudyCalendar(Clock.systemUTC())).issue(id, "lecturer");
        assertThat(lecturer.get("/play/" + fresh + "/" + id + "/hls/master.m3u8").statusCode()).isEqualTo(200);
        String forged = fresh.substring(0, fresh.length() - 3) + (fresh.endsWith("AAA") ? "BBB" : "AAA");
        assertThat(lecturer.get("/play/" + forged + "/" + id + "/hls/master.m3u8").statusCode()).isEqualTo(403);
    }

    @Test
    void a_transcode_cut_off_by_a_crash_runs_again_to_the_end() throws Exception {
        AppSession lecturer = AppSession.login(port, "lecturer", "demo1234");
        UUID id = upload(lecturer, SampleTalks.PORTRAIT);
        // what a killed run leaves: the talk half-way, a work folder with partial output
        media.findById(id).ifPresent(m -> {
            m.transcoding(42, Instant.now());
            media.save(m);
        });
        Path leftovers = Files.createDirectories(dataDir.resolve("work").resolve(id.toString()).resolve("360"));
        Files.writeString(leftovers.resolve("seg_00000.ts"), "half a segment");

        transcodeJob.transcode(id);

        MediaInfo done = media.findById(id).orElseThrow().toInfo();
        assertThat(done.state()).isEqualTo(MediaState.READY);
        assertThat(done.progressPercent()).isEqualTo(100);
        assertThat(objects.list("media/" + id + "/hls/360/")).contains("media/" + id + "/hls/360/index.m3u8");
        assertThat(dataDir.resolve("work").resolve(id.toString())).doesNotExist();
    }

    @Test
    void a_failing_transcode_shows_its_reason_after_the_last_attempt_and_can_be_retried() throws Exception {
        AppSession lecturer = AppSession.login(port, "lecturer", "demo1234");
        UUID id = upload(lecturer, SampleTalks.LANDSCAPE);
        objects.deleteAll("media/" + id + "/original"); // the original vanished from the store

        for (int attempt = 1; attempt < properties.maxAttempts(); attempt++) {
            assertThatThrownBy(() -> transcodeJob.transcode(id)).as("attempt %d is retried", attempt).isNotNull();
            assertThat(media.findById(id).orElseThrow().getState()).isEqualTo(MediaState.QUEUED);
        }
        transcodeJob.transcode(id); // the last attempt records the failure instead of asking for another retry
        MediaInfo failed = media.findById(id).orElseThrow().toInfo();
        assertThat(failed.state()).isEqualTo(MediaState.FAILED);
        assertThat(failed.failureReason()).isNotBlank();

        logins.as("lecturer");
        library.retry(id);
        assertThat(media.findById(id).orElseThrow().getState()).isEqualTo(MediaState.QUEUED);
        assertThat(media.findById(id).orElseThrow().getAttempts()).isZero();
    }

    @Test
    void deleting_a_talk_removes_every_object() throws Exception {
        AppSession lecturer = AppSession.login(port, "lecturer", "demo1234");
        UUID id = uploadAndTranscode(lecturer, SampleTalks.AUDIO);
        assertThat(objects.list("media/" + id + "/")).isNotEmpty();
        logins.as("member");
        assertThatThrownBy(() -> library.delete(id)).isInstanceOf(AccessDeniedException.class);
        logins.as("lecturer");
        library.delete(id);
        assertThat(objects.list("media/" + id + "/")).isEmpty();
        assertThat(media.findById(id)).isEmpty();
    }

    private UUID uploadAndTranscode(AppSession session, Path sample) throws Exception {
        UUID id = upload(session, sample);
        transcodeJob.transcode(id);
        assertThat(media.findById(id).orElseThrow().getState()).isEqualTo(MediaState.READY);
        return id;
    }

    private static UUID upload(AppSession session, Path sample) throws Exception {
        String id = UploadFlowTest.uploadWhole(session, sample.getFileName().toString(), Files.readAllBytes(sample));
        HttpResponse<String> complete = session.postJson("/api/uploads/" + id + "/complete", "");
        assertThat(complete.statusCode()).as(complete.body()).isEqualTo(200);
        return UUID.fromString(id);
    }
}
