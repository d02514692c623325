package org.yundangke.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws a member's home over plain HTTP as Vaadin's own client does, as fast as answered: the page's first request
 * ({@code ?v-r=init}, a new screen), the navigation to the home ({@code ui-navigate}: the layout with its menu and the
 * home view, checked for the home's greeting), then the screen's unload beacon, so screens do not pile up. Each client
 * is one login of the demo member. Counts the homes drawn in the measured seconds after the warm-up.
 *
 * <p>Run from source, no dependencies: {@code java HomeRenders.java <port> <clients> <warm-up s> <measured s>};
 * prints {@code homes/s <n>}. Used by {@code bench/home-render.sh}.
 */
public final class HomeRenders {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\":(\\d+)");
    private static final Pattern CLIENT_ID = Pattern.compile("\"clientId\":(\\d+)");

    private HomeRenders() {
    }

    public static void main(String[] args) throws Exception {
        String base = "http://localhost:" + args[0];
        int clients = Integer.parseInt(args[1]);
        long start = System.nanoTime();
        long from = start + Long.parseLong(args[2]) * 1_000_000_000L;
        long end = from + Long.parseLong(args[3]) * 1_000_000_000L;
        long counted = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<Long>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                running.add(pool.submit(() -> new Client(base).drawUntil(from, end)));
            }
            for (Future<Long> each : running) {
                counted += each.get();
            }
        }
        System.out.printf("homes/s %.1f%n", counted / ((end - from) / 1e9));
    }

    private static final class Client {

        private final String base;
        private final HttpClient http = HttpClient.newHttpClient();
        private final Map<String, String> cookies = new HashMap<>();

        Client(String base) throws Exception {
            this.base = base;
            String token = find(CSRF, send("/login", null, null));
            send("/login", "application/x-www-form-urlencoded", "username=member&password=demo1234&_csrf="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8));
        }

        /** Homes drawn between {@code from} and {@code end} (nanoTime). */
        long drawUntil(long from, long end) throws Exception {
            long drawn = 0;
            while (System.nanoTime() < end) {
                String init = send("/?v-r=init&location=member&query=", null, null);
                String ui = find(UI_ID, init);
                String key = find(KEY, init);
                String page = send("/?v-r=uidl&v-uiId=" + ui, "application/json; charset=UTF-8",
                        "{\"csrfToken\":\"" + key + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,\"event\":"
                                + "\"ui-navigate\",\"data\":{\"route\":\"member\",\"query\":\"\",\"appShellTitle\":"
                                + "\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],\"syncId\":"
                                + find(SYNC_ID, init) + ",\"clientId\":" + find(CLIENT_ID, init) + "}");
                if (!page.contains("ydk-greeting")) {
                    throw new IllegalStateException("not the home: " + page.substring(0, Math.min(300, page.length())));
                }
                send("/?v-r=uidl&v-uiId=" + ui, "application/json; charset=UTF-8", "{\"csrfToken\":\"" + key
                        + "\",\"rpc\":[],\"syncId\":" + find(SYNC_ID, page) + ",\"clientId\":"
                        + find(CLIENT_ID, page) + ",\"UNLOAD\":true}");
                if (System.nanoTime() >= from) {
                    drawn++;
                }
            }
            return drawn;
        }

        private String send(String path, String type, String body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream()
                        .map(c -> c.getKey() + "=" + c.getValue()).toList()));
            }
            if (body != null) {
                request.header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String cookie : answer.headers().allValues("Set-Cookie")) {
                String[] pair = cookie.split(";", 2)[0].split("=", 2);
                cookies.put(pair[0], pair[1]);
            }
            if (answer.statusCode() >= 400) {
                throw new IllegalStateException(answer.statusCode() + " for " + path);
            }
            return answer.body();
        }

        private static String find(Pattern pattern, String text) {
            Matcher matcher = pattern.matcher(text);
            if (!matcher.find()) {
                throw new IllegalStateException(pattern + " not in " + text.substring(0, Math.min(300, text.length())));
            }
            return matcher.group(1);
        }
    }
}
