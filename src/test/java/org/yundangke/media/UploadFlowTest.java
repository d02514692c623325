package org.yundangke.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.AppSession;
import org.yundangke.base.storage.ObjectStoreProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Uploads through the app's HTTP API as the browser script does, against the embedded object store. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UploadFlowTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static Path bigTalk;

    @LocalServerPort
    int port;

    @Autowired
    MinioClient minio;

    @Autowired
    ObjectStoreProperties store;

    @Autowired
    MediaRepository media;

    @Autowired
    UploadSessionRepository sessions;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeATalkOfThreeParts(@TempDir Path shared) {
        // ~12 MB: three 5 MiB parts with the test profile's chunk size
        bigTalk = SampleTalks.make(FfmpegTools.bundled(), shared.resolve("long-talk.mp4"), "-f", "lavfi", "-i",
                "testsrc2=duration=12:size=640x360:rate=25", "-f", "lavfi", "-i", "sine=duration=12",
                "-c:v", "libx264", "-preset", "ultrafast", "-b:v", "9M", "-minrate", "9M", "-maxrate", "9M",
                "-bufsize", "2M", "-x264-params", "nal-hrd=cbr", "-c:a", "aac", "-shortest");
    }

    @Test
    void an_interrupted_upload_resumes_where_it_stopped_and_arrives_byte_identical() throws Exception {
        AppSession lecturer = AppSession.login(port, "lecturer", "demo1234");
        byte[] file = Files.readAllBytes(bigTalk);
        JsonNode started = start(lecturer, "党史学习教育第一讲.mp4", file.length, 1_700_000_000_000L);
        String id = started.path("mediaId").asString();
        int chunk = started.path("chunkSize").asInt();
        assertThat(started.path("totalParts").asInt()).isEqualTo(3);

        assertThat(putPart(lecturer, id, 1, Arrays.copyOfRange(file, 0, chunk)).statusCode()).isEqualTo(204);
        // the connection drops halfway through part 2: the server keeps nothing of it
        HttpResponse<String> cut = putPart(lecturer, id, 2, Arrays.copyOfRange(file, chunk, chunk + chunk / 2));
        assertThat(cut.statusCode()).isEqualTo(400);

        // later (a reload, another network, a restarted server): the same file picks up at part 2
        JsonNode resumed = start(lecturer, "党史学习教育第一讲.mp4", file.length, 1_700_000_000_000L);
        assertThat(resumed.path("mediaId").asString()).isEqualTo(id);
        assertThat(resumed.path("receivedParts").valueStream().map(JsonNode::asInt).toList()).containsExactly(1);
        assertThat(putPart(lecturer, id, 2, Arrays.copyOfRange(file, chunk, 2 * chunk)).statusCode()).isEqualTo(204);
        assertThat(putPart(lecturer, id, 3, Arrays.copyOfRange(file, 2 * chunk, file.length)).statusCode()).isEqualTo(204);

        HttpResponse<String> complete = lecturer.postJson("/api/uploads/" + id + "/complete", "");
        assertThat(complete.statusCode()).as(complete.body()).isEqualTo(200);
        assertThat(JSON.readTree(complete.body()).path("state").asString()).isEqualTo("QUEUED");
        assertThat(sha256(object("media/" + id + "/original"))).isEqualTo(sha256(file));
        assertThat(sessions.findById(UUID.fromString(id))).isEmpty();
    }

    @Test
    void an_empty_file_is_refused_with_a_message_in_the_users_language() throws Exception {
        AppSession lecturer = AppSession.login(port, "lecturer", "demo1234");
        HttpResponse<String> chinese = lecturer.postJson("/api/uploads",
                "{\"filename\":\"空.mp4\",\"size\":0,\"lastModified\":1}");
        assertThat(chinese.statusCode()).as(chinese.body() + chinese.headers().map()).isEqualTo(422);
        assertThat(JSON.readTree(chinese.body()).path("message").asString()).contains("空的").contains("请");
        HttpResponse<String> english = lecturer.send("POST", "/api/uploads", HttpRequest.BodyPublishers.ofString(
                "{\"filename\":\"empty.mp4\",\"size\":0,\"lastModified\":1}"), "application/json", "en");
        assertThat(JSON.readTree(english.body()).path("reason").asString()).isEqualTo("EMPTY");
        assertThat(JSON.readTree(english.body()).path("message").asString()).contains("empty").contains("Please");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void a_refused_file_leaves_no_rows_and_no_objects_and_logs_no_signed_address(CapturedOutput log)
            throws Exception {
        AppSession lecturer = AppSession.login(port, "lecturer", "demo1234");
        byte[] document = "第一章 党史学习教育\n".repeat(2000).getBytes();
        String notMedia = uploadWhole(lecturer, "讲稿.mp4", document);
        assertRefusedAndGone(lecturer, notMedia, "NOT_MEDIA");

        byte[] cut = Arrays.copyOf(Files.readAllBytes(SampleTalks.LANDSCAPE), 200_000);
        String corrupt = uploadWhole(lecturer, "cut.mp4", cut);
        assertRefusedAndGone(lecturer, corrupt, "CORRUPT");
        assertThat(log.getAll()).contains("Refused upload").doesNotContain("X-Amz-Signature")
                .doesNotContain("X-Amz-Credential");
    }

    @Test
    void a_cancelled_upload_leaves_nothing_behind() throws Exception {
        AppSession lecturer = AppSession.login(port, "lecturer", "demo1234");
        byte[] file = Files.readAllBytes(bigTalk);
        JsonNode started = start(lecturer, "cancel-me.mp4", file.length, 42L);
        String id = started.path("mediaId").asString();
        putPart(lecturer, id, 1, Arrays.copyOfRange(file, 0, started.path("chunkSize").asInt()));
        assertThat(lecturer.send("DELETE", "/api/uploads/" + id, HttpRequest.BodyPublishers.noBody(), "text/plain", null)
                .statusCode()).isEqualTo(204);
        assertThat(media.findById(UUID.fromString(id))).isEmpty();
        assertThat(objectsUnder("media/" + id + "/")).isEmpty();
    }

    @Test
    void members_may_not_upload_and_nobody_may_touch_another_users_upload() throws Exception {
        AppSession member = AppSession.login(port, "member", "demo1234");
        assertThat(member.postJson("/api/uploads", "{\"filename\":\"a.mp4\",\"size\":10,\"lastModified\":1}")
                .statusCode()).isEqualTo(403);
        AppSession lecturer = AppSession.login(port, "lecturer", "demo1234");
        String id = start(lecturer, "mine.mp4", 10, 7L).path("mediaId").asString();
        AppSession admin = AppSession.login(port, "admin", "demo1234");
        assertThat(putPart(admin, id, 1, new byte[10]).statusCode()).isEqualTo(403);
        assertThat(AppSession.anonymous(port).postJson("/api/uploads", "{}").statusCode()).isNotEqualTo(200);
    }

    private void assertRefusedAndGone(AppSession lecturer, String id, String reason) throws Exception {
        HttpResponse<String> complete = lecturer.postJson("/api/uploads/" + id + "/complete", "");
        assertThat(complete.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(complete.body()).path("reason").asString()).isEqualTo(reason);
        assertThat(JSON.readTree(complete.body()).path("message").asString()).isNotBlank();
        assertThat(media.findById(UUID.fromString(id))).isEmpty();
        assertThat(sessions.findById(UUID.fromString(id))).isEmpty();
        assertThat(objectsUnder("media/" + id + "/")).isEmpty();
    }

    static String uploadWhole(AppSession session, String name, byte[] bytes) throws Exception {
        JsonNode started = start(session, name, bytes.length, System.nanoTime());
        String id = started.path("mediaId").asString();
        int chunk = started.path("chunkSize").asInt();
        for (int part = 1; part <= started.path("totalParts").asInt(); part++) {
            int from = (part - 1) * chunk;
            HttpResponse<String> sent = putPart(session, id, part,
                    Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + chunk)));
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(204);
        }
        return id;
    }

    static JsonNode start(AppSession session, String name, long size, long lastModified) throws Exception {
        HttpResponse<String> response = session.postJson("/api/uploads",
                "{\"filename\":\"" + name + "\",\"size\":" + size + ",\"lastModified\":" + lastModified + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static HttpResponse<String> putPart(AppSession session, String id, int part, byte[] bytes) throws Exception {
        return session.send("PUT", "/api/uploads/" + id + "/parts/" + part, HttpRequest.BodyPublishers.ofByteArray(bytes),
                "application/octet-stream", null);
    }

    private byte[] object(String name) throws Exception {
        try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket(store.mediaBucket()).object(name).build())) {
            return in.readAllBytes();
        }
    }

    private List<String> objectsUnder(String prefix) {
        return StreamSupport.stream(minio.listObjects(ListObjectsArgs.builder().bucket(store.mediaBucket())
                .prefix(prefix).recursive(true).build()).spliterator(), false).map(r -> {
                    try {
                        return r.get().objectName();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
