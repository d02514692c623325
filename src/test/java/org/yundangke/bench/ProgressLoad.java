package org.yundangke.bench;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A load generator in a process of its own (so its threads, allocation and JIT work are not the app's): clients
 * report progress to {@code /api/progress} like the player, each as one member (cookies and CSRF token from a file),
 * on that member's lessons in turn, as fast as answered, over one shared HTTP client. The first seconds warm up and are
 * not counted; the output file holds how many reports were sent in all, then every latency of the measured seconds.
 *
 * <p>{@code ProgressLoad <port> <members file> <warm-up s> <measured s> <step s> <latencies file>}; the members file
 * has one line per client: {@code cookie TAB csrf header TAB csrf token TAB lesson id,lesson id,…}. Exits non-zero
 * at the first answer that is not 200.
 */
public final class ProgressLoad {

    private record Client(String cookie, String csrfHeader, String csrfToken, List<String> lessons) {
    }

    private record Sent(int all, long[] measured) {
    }

    private ProgressLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create("http://localhost:" + args[0] + "/api/progress");
        List<Client> clients = Files.readAllLines(Path.of(args[1])).stream().map(l -> l.split("\t"))
                .map(f -> new Client(f[0], f[1], f[2], List.of(f[3].split(",")))).toList();
        long warmUp = Long.parseLong(args[2]) * 1_000_000_000L;
        long measured = Long.parseLong(args[3]) * 1_000_000_000L;
        double step = Double.parseDouble(args[4]);
        HttpClient http = HttpClient.newHttpClient();
        long start = System.nanoTime();
        List<Sent> all = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients.size())) {
            List<Future<Sent>> running = new ArrayList<>();
            for (Client client : clients) {
                running.add(pool.submit(() -> run(http, uri, client, step, start + warmUp, start + warmUp + measured)));
            }
            for (Future<Sent> each : running) {
                all.add(each.get());
            }
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(Path.of(args[5])))) {
            out.writeLong(all.stream().mapToLong(Sent::all).sum());
            for (Sent sent : all) {
                for (long latency : sent.measured()) {
                    out.writeLong(latency);
                }
            }
        }
    }

    /** Reports until {@code end}: how many, and the latencies (ns) of those sent after {@code from}. */
    private static Sent run(HttpClient http, URI uri, Client client, double step, long from, long end)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Cookie", client.cookie())
                .header(client.csrfHeader(), client.csrfToken()).header("Content-Type", "application/json");
        double[] position = new double[client.lessons().size()];
        long[] latencies = new long[4_096];
        int n = 0;
        int sentAll = 0;
        for (int i = 0; System.nanoTime() < end; i = (i + 1) % position.length) {
            double at = position[i];
            position[i] = at + step;
            long sent = System.nanoTime();
            HttpResponse<String> answer = http.send(request.copy().POST(HttpRequest.BodyPublishers.ofString(
                    String.format("{\"lessonId\":\"%s\",\"spans\":[[%.3f,%.3f]],\"position\":%.3f}",
                            client.lessons().get(i), at, at + step, at + step))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                System.err.println(answer.statusCode() + " " + answer.body());
                System.exit(2);
            }
            sentAll++;
            if (sent >= from) {
                if (n == latencies.length) {
                    latencies = Arrays.copyOf(latencies, n * 2);
                }
                latencies[n++] = System.nanoTime() - sent;
            }
        }
        return new Sent(sentAll, Arrays.copyOf(latencies, n));
    }
}
