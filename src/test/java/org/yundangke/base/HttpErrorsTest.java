package org.yundangke.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.AppSession;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Failures of the app's HTTP endpoints say what happened: 400 for malformed input, 413 for too large, 403 only for a
 * refusal, each with a short JSON body in the caller's language and never a stack trace. (Playback's 404 and 416 are
 * in PlaybackTest.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HttpErrorsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void malformed_progress_reports_are_told_apart_from_refusals() throws Exception {
        AppSession member = AppSession.login(port, "member", "demo1234");
        assertBadRequest(member.postJson("/api/progress", "{\"lessonId\": \"not json"));
        assertBadRequest(member.postJson("/api/progress", "{\"lessonId\": \"" + UUID.randomUUID()
                + "\", \"spans\": [[0, 4]], \"position\": NaN}"));
        StringBuilder fragments = new StringBuilder("[");
        for (int i = 0; i < 3000; i++) {
            fragments.append(i == 0 ? "" : ",").append("[").append(i).append(",").append(i).append(".1]");
        }
        HttpResponse<String> tooMany = member.postJson("/api/progress", "{\"lessonId\": \"" + UUID.randomUUID()
                + "\", \"spans\": " + fragments + "], \"position\": 0}");
        assertBadRequest(tooMany);
        assertThat(JSON.readTree(tooMany.body()).path("message").asString()).contains("刷新");

        HttpResponse<String> notMine = member.postJson("/api/progress", "{\"lessonId\": \"" + UUID.randomUUID()
                + "\", \"spans\": [[0, 4]], \"position\": 4}");
        assertThat(notMine.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(notMine.body()).path("message").asString()).isNotBlank();
    }

    @Test
    void upload_names_of_any_length_are_fitted_and_a_file_too_large_is_413() throws Exception {
        AppSession lecturer = AppSession.login(port, "lecturer", "demo1234");
        HttpResponse<String> noName = lecturer.postJson("/api/uploads",
                "{\"filename\": null, \"size\": 1000, \"lastModified\": 1}");
        assertThat(noName.statusCode()).as(noName.body()).isEqualTo(200);
        HttpResponse<String> longName = lecturer.postJson("/api/uploads",
                "{\"filename\": \"" + "很长的名字".repeat(1000) + ".mp4\", \"size\": 1000, \"lastModified\": 2}");
        assertThat(longName.statusCode()).as(longName.body()).isEqualTo(200);

        HttpResponse<String> huge = lecturer.postJson("/api/uploads",
                "{\"filename\": \"big.mp4\", \"size\": 99999999999999, \"lastModified\": 3}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(huge.body()).path("reason").asString()).isEqualTo("TOO_LARGE");
        assertBadRequest(lecturer.postJson("/api/uploads", "[1, 2"));
        for (String id : new String[]{id(noName), id(longName)}) {
            lecturer.send("DELETE", "/api/uploads/" + id, java.net.http.HttpRequest.BodyPublishers.noBody(),
                    "text/plain", null);
        }
    }

    private static String id(HttpResponse<String> started) {
        return JSON.readTree(started.body()).path("mediaId").asString();
    }

    private static void assertBadRequest(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("message").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "trace", "at org.");
    }
}
