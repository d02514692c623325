package org.yundangke.base;

import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yundangke.AppSession;
import org.yundangke.Logins;
import org.yundangke.study.StudyProgress;
import java.util.Set;
import org.yundangke.TestTalks;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonDraft;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a proxy and Prometheus see on the management port, without a login: readiness with the database, the object
 * store, ffmpeg and the job queue each up; liveness; the metrics. The users' port does not serve them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OperationsTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired JdbcTemplate jdbc;
    @Autowired Logins logins;
    @Autowired StudyProgress progress;
    @Autowired Catalogue catalogue;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readiness_names_each_component_and_metrics_answer_on_the_management_port_only() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        HttpResponse<String> readiness = get(managementPort, "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
        for (String component : new String[] {"db", "objectStore", "ffmpeg", "jobQueue"}) {
            assertThat(readiness.body()).contains("\"" + component + "\":{");
        }
        assertThat(get(managementPort, "/actuator/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = get(managementPort, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections",
                "yundangke_jobs{state=\"enqueued\"}");

        assertThat(get(port, "/actuator/health/readiness").body()).doesNotContain("objectStore");
    }

    @Test
    void the_apps_own_counters_follow_what_members_do() throws Exception {
        logins.as("lecturer");
        UUID talk = TestTalks.ready(jdbc, "lecturer", "运维计数", 600);
        UUID lesson = catalogue.createDraft(new LessonDraft(talk, "运维计数的一课", "周", "", "党史学习", Set.of())).id();
        catalogue.publish(lesson);
        logins.as("member");
        progress.begin(lesson); // what the lesson page does when it opens
        logins.logout();
        AppSession member = AppSession.login(port, "member", "demo1234");
        HttpResponse<String> report = member.postJson("/api/progress",
                "{\"lessonId\":\"" + lesson + "\",\"spans\":[[0,1]],\"position\":1}");
        assertThat(report.statusCode()).isEqualTo(200);

        String metrics = get(managementPort, "/actuator/prometheus").body();
        assertThat(metrics).contains("yundangke_progress_batch_size_count", "tomcat_sessions_active_current_sessions",
                "yundangke_screens_open");
        assertThat(metrics.lines().filter(l -> l.startsWith("yundangke_progress_reports_total{outcome=\"accepted\"")))
                .singleElement().satisfies(l -> assertThat(Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                        .isGreaterThanOrEqualTo(1));
    }

    private HttpResponse<String> get(int on, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + on + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
