package org.yundangke;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A logged-in browser session without the browser: form login with the CSRF token from the page, cookies kept, and
 * the token sent with every change the way our own scripts send it. For tests of the app's HTTP endpoints.
 */
public final class AppSession {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrfToken = "";
    private String csrfHeader = "X-CSRF-TOKEN";

    private AppSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static AppSession anonymous(int port) {
        return new AppSession(port);
    }

    public static AppSession login(int port, String username, String password) throws Exception {
        AppSession session = new AppSession(port);
        HttpResponse<String> response = session.attemptLogin(username, password, "", null);
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("login of " + username + " failed: " + response.statusCode() + " " + location);
        }
        session.readCsrf(session.get("/").body());
        return session;
    }

    /**
     * Posts the login form as the login page does (with its CSRF token, and {@code extraForm} such as
     * {@code &remember-me=on}), optionally as a client at another address behind the proxy; the raw answer.
     */
    public HttpResponse<String> attemptLogin(String username, String password, String extraForm,
                                             String forwardedFor) throws IOException, InterruptedException {
        readCsrf(get("/login").body());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password)
                        + "&_csrf=" + enc(csrfToken) + extraForm));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The cookies this session holds, as the browser would send them. */
    public java.util.List<java.net.HttpCookie> cookies() {
        return ((CookieManager) http.cookieHandler().orElseThrow()).getCookieStore().getCookies();
    }

    /** The cookies as this session's browser sends them, in one {@code Cookie} header. */
    public String cookieHeader() {
        return cookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** The name of the header that carries the CSRF token, as the page gives it. */
    public String csrfHeader() {
        return csrfHeader;
    }

    /** The CSRF token this session sends with every change. */
    public String csrfToken() {
        return csrfToken;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path, String range) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (range != null) {
            request.header("Range", range);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, String contentType,
                                     String language) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method, body)
                .header(csrfHeader, csrfToken).header("Content-Type", contentType);
        if (language != null) {
            request.header("X-Ydk-Lang", language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, HttpRequest.BodyPublishers.ofString(json), "application/json", null);
    }

    private void readCsrf(String page) {
        Matcher token = CSRF.matcher(page);
        if (token.find()) {
            csrfToken = token.group(1);
        }
        Matcher header = CSRF_HEADER.matcher(page);
        if (header.find()) {
            csrfHeader = header.group(1);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
