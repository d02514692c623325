package org.yundangke.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The parts of a lesson a member has played, as sorted, disjoint spans of milliseconds. Adding a span merges it with
 * any it overlaps or touches, so the same seconds never count twice, whatever order reports arrive in.
 */
final class PlayedSpans {

    record Span(long startMs, long endMs) {
        Span {
            if (startMs < 0 || endMs < startMs) {
                throw new IllegalArgumentException("bad span " + startMs + "-" + endMs);
            }
        }

        long length() {
            return endMs - startMs;
        }
    }

    private final List<Span> spans;

    private PlayedSpans(List<Span> spans) {
        this.spans = spans;
    }

    static PlayedSpans none() {
        return new PlayedSpans(List.of());
    }

    /** Reads the stored form, {@code "0-15000,30000-45000"}. */
    static PlayedSpans parse(String stored) {
        List<Span> spans = new ArrayList<>();
        for (String part : stored.split(",")) {
            if (!part.isBlank()) {
                String[] ends = part.split("-");
                spans.add(new Span(Long.parseLong(ends[0]), Long.parseLong(ends[1])));
            }
        }
        return none().with(spans);
    }

    /** These spans plus the given ones, merged. */
    PlayedSpans with(List<Span> added) {
        List<Span> all = new ArrayList<>(spans);
        all.addAll(added);
        all.sort(Comparator.comparingLong(Span::startMs));
        List<Span> merged = new ArrayList<>();
        for (Span span : all) {
            if (span.length() == 0) {
                continue;
            }
            Span last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && span.startMs() <= last.endMs()) {
                merged.set(merged.size() - 1, new Span(last.startMs(), Math.max(last.endMs(), span.endMs())));
            } else {
                merged.add(span);
            }
        }
        return new PlayedSpans(List.copyOf(merged));
    }

    /** Only the parts within the lesson: a player may report a little past the end. */
    PlayedSpans within(long durationMs) {
        List<Span> clipped = new ArrayList<>();
        for (Span span : spans) {
            if (span.startMs() < durationMs) {
                clipped.add(new Span(span.startMs(), Math.min(span.endMs(), durationMs)));
            }
        }
        return new PlayedSpans(List.copyOf(clipped));
    }

    long uniqueMs() {
        return spans.stream().mapToLong(Span::length).sum();
    }

    List<Span> spans() {
        return spans;
    }

    String stored() {
        StringBuilder out = new StringBuilder();
        for (Span span : spans) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(span.startMs()).append('-').append(span.endMs());
        }
        return out.toString();
    }
}
