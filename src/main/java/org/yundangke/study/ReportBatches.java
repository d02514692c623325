package org.yundangke.study;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Group commit for progress reports. Each request thread queues its report and waits; one thread per node takes
 * whatever has queued (up to {@value #MAX_BATCH}) and applies it in one transaction, then answers every waiting request
 * with its own outcome. When few members report, a batch is one report and nothing waits; when many do, the reports
 * that arrived during one transaction share the next, so the database sees one locking read, one batched update and
 * one commit instead of hundreds. A request is answered only after its report is committed, so nothing acknowledged
 * is lost; at shutdown (after the web server has finished its requests) the queue is drained.
 */
final class ReportBatches<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReportBatches.class);
    static final int MAX_BATCH = 500;
    /** Reports waiting beyond this are refused at once (the player sends them again): the node is overloaded. */
    static final int MAX_QUEUED = 20_000;

    private record Waiting<T>(T report, CompletableFuture<Object> answer) {
    }

    private final LinkedBlockingQueue<Waiting<T>> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final Function<List<T>, List<Object>> apply;
    private final Thread worker;
    private volatile boolean closing;

    /**
     * @param apply applies reports in one transaction; answers each with its result or the RuntimeException that
     *              refused it, in the same order
     */
    ReportBatches(String name, Function<List<T>, List<Object>> apply) {
        this.apply = apply;
        this.worker = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    /** Queues the report and waits for its outcome; the exception that refused it is thrown here. */
    Object submit(T report) {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        if (closing || !queue.offer(new Waiting<>(report, answer))) {
            // 503: the player keeps what it played and sends it again with its next report
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "progress reports queue full");
        }
        try {
            return answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException refused ? refused : e;
        }
    }

    private void run() {
        List<Waiting<T>> batch = new ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            try {
                Waiting<T> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                answer(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void answer(List<Waiting<T>> batch) {
        List<Object> results;
        try {
            results = apply.apply(batch.stream().map(Waiting::report).toList());
        } catch (RuntimeException failed) {
            log.warn("A batch of {} progress report(s) failed: {}", batch.size(), failed.toString());
            batch.forEach(w -> w.answer().completeExceptionally(failed));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Object result = results.get(i);
            if (result instanceof RuntimeException refused) {
                batch.get(i).answer().completeExceptionally(refused);
            } else {
                batch.get(i).answer().complete(result);
            }
        }
    }

    /** Stops taking reports and waits for the queued ones to be applied. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        worker.join(TimeUnit.SECONDS.toMillis(30));
    }
}
