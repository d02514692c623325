package org.yundangke.committee;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import org.jobrunr.dashboard.JobRunrDashboardWebServer;
import org.jobrunr.dashboard.JobRunrDashboardWebServerConfiguration;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.DisconnectedClientHelper;
import org.yundangke.org.OrgDirectory;

/**
 * JobRunr's dashboard (transcodes, reminders, digests, rollups: queued, running, failed, retried) for the province's
 * administrators, behind the app's own login. JobRunr serves it from a small web server of its own, started here on a
 * free port with a password made at start and known only to this node; the app hands the dashboard's pages, API and
 * live updates through to it after checking that the caller administers the province. Its addresses are JobRunr's
 * own (below), none of them a page of the app; its changes (requeue, delete, trigger) are exempt from the CSRF token
 * its pages cannot send, and the session cookie (SameSite=Lax) is not sent with another site's requests.
 */
@RestController
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "yundangke.jobs-dashboard.enabled", havingValue = "true", matchIfMissing = true)
class JobsDashboard implements DisposableBean {

    private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final OrgDirectory directory;
    private final JobRunrDashboardWebServer server;
    private final URI base;
    private final String authorization;
    private final HttpClient http = HttpClient.newHttpClient();

    JobsDashboard(StorageProvider storage, JsonMapper json, OrgDirectory directory) throws IOException {
        this.directory = directory;
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        this.server = new JobRunrDashboardWebServer(storage, json, JobRunrDashboardWebServerConfiguration
                .usingStandardDashboardConfiguration().andPort(port).andBasicAuthentication("yundangke", password)
                .andAllowAnonymousDataUsage(false));
        server.start();
        this.base = URI.create("http://127.0.0.1:" + port);
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString(("yundangke:" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Hands the request to JobRunr's server and its answer back, streamed (the live updates never end). */
    @RequestMapping({"/dashboard", "/dashboard/**", "/api/jobs", "/api/jobs/**", "/api/recurring-jobs",
            "/api/recurring-jobs/**", "/api/servers", "/api/problems/**", "/api/version", "/api/metadata/**",
            "/sse/**"})
    void forward(HttpServletRequest request, HttpServletResponse response) throws IOException, InterruptedException {
        if (!directory.administersProvince()) {
            throw new AccessDeniedException("the jobs dashboard is for the province's administrators");
        }
        String query = request.getQueryString();
        HttpRequest.Builder forward = HttpRequest.newBuilder(base.resolve(request.getRequestURI()
                        + (query == null ? "" : "?" + query)))
                .header("Authorization", authorization)
                .method(request.getMethod(), METHODS_WITH_BODY.contains(request.getMethod())
                        ? HttpRequest.BodyPublishers.ofByteArray(request.getInputStream().readAllBytes())
                        : HttpRequest.BodyPublishers.noBody());
        if (request.getContentType() != null) {
            forward.header("Content-Type", request.getContentType());
        }
        HttpResponse<InputStream> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.setStatus(answer.statusCode());
        answer.headers().firstValue("Content-Type").ifPresent(response::setContentType);
        answer.headers().firstValue("Cache-Control").ifPresent(value -> response.setHeader("Cache-Control", value));
        try (InputStream in = answer.body(); OutputStream out = response.getOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush(); // live updates go out as they come
            }
        } catch (IOException e) {
            if (!DisconnectedClientHelper.isClientDisconnectedException(e)) {
                throw e;
            } // the dashboard's tab was closed: its live updates end here
        }
    }

    @Override
    public void destroy() {
        server.stop();
    }
}
