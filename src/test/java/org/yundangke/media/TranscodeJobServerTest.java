package org.yundangke.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The real job server: a completed upload is transcoded by JobRunr from the database queue, and unfinished uploads
 * nobody touched are cleaned away.
 */
@SpringBootTest(properties = {"jobrunr.background-job-server.enabled=true",
        "jobrunr.background-job-server.poll-interval-in-seconds=5"})
@ActiveProfiles("test")
class TranscodeJobServerTest {

    @Autowired
    Uploads uploads;

    @Autowired
    MediaRepository media;

    @Autowired
    UploadSessionRepository sessions;

    @Autowired
    MediaObjects objects;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_completed_upload_is_transcoded_by_the_job_server() throws Exception {
        byte[] talk = Files.readAllBytes(SampleTalks.AUDIO);
        Uploads.UploadStatus started = uploads.start("lecturer", "录音.m4a", talk.length, 1L);
        uploads.receivePart(started.mediaId(), "lecturer", 1, new java.io.ByteArrayInputStream(talk));
        uploads.complete(started.mediaId(), "lecturer");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (media.findById(started.mediaId()).orElseThrow().getState() != MediaState.READY
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        MediaInfo done = media.findById(started.mediaId()).orElseThrow().toInfo();
        assertThat(done.state()).as(String.valueOf(done.failureReason())).isEqualTo(MediaState.READY);
        assertThat(done.renditions()).isEqualTo("audio128,audio64");
    }

    @Test
    void uploads_left_unfinished_for_a_day_are_removed_with_their_parts() throws Exception {
        byte[] talk = Files.readAllBytes(SampleTalks.LANDSCAPE);
        Uploads.UploadStatus stale = uploads.start("lecturer", "forgotten.mp4", talk.length, 2L);
        Uploads.UploadStatus fresh = uploads.start("lecturer", "in-progress.mp4", talk.length, 3L);
        jdbc.update("update upload_session set updated_at = ? where media_id = ?",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(25))), stale.mediaId());

        assertThat(uploads.removeStaleUploads()).isEqualTo(1);
        assertThat(media.findById(stale.mediaId())).isEmpty();
        assertThat(sessions.findById(stale.mediaId())).isEmpty();
        assertThat(objects.list("media/" + stale.mediaId() + "/")).isEmpty();
        assertThat(sessions.findById(fresh.mediaId())).isPresent();
        uploads.cancel(fresh.mediaId(), "lecturer");
    }

    @Test
    void a_multipart_upload_no_session_knows_is_aborted_once_stale() {
        String orphan = "media/" + java.util.UUID.randomUUID() + "/original";
        String uploadId = objects.startMultipart(orphan);
        assertThat(objects.openUploads("media/")).extracting(MediaObjects.OpenUpload::uploadId).contains(uploadId);

        uploads.removeStaleUploads(); // a day has not passed: kept
        assertThat(objects.openUploads("media/")).extracting(MediaObjects.OpenUpload::uploadId).contains(uploadId);

        uploads.removeUploadsUntouchedSince(Instant.now().plus(Duration.ofMinutes(1)));
        assertThat(objects.openUploads("media/")).extracting(MediaObjects.OpenUpload::uploadId)
                .doesNotContain(uploadId);
    }

}
