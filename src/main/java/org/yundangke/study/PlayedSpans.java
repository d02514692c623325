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

    /**
     * These spans plus the given ones clipped to the lesson, as far as {@code maxUniqueMs} allows: a span that would
     * pass it is cut short, and spans after it are left out. What was credited before is never taken away.
     */
    PlayedSpans withAtMost(List<Span> added, long durationMs, long maxUniqueMs) {
        PlayedSpans result = this;
        for (Span span : added.stream().sorted(Comparator.comparingLong(Span::startMs)).toList()) {
            long room = maxUniqueMs - result.uniqueMs();
            if (room <= 0 || span.startMs() >= durationMs) {
                continue;
            }
            Span clipped = new Span(span.startMs(), Math.min(span.endMs(), durationMs));
            PlayedSpans whole = result.with(List.of(clipped));
            result = whole.uniqueMs() - result.uniqueMs() <= room ? whole
                    : result.with(List.of(new Span(clipped.startMs(), result.endWithin(clipped, room))));
        }
        return result;
    }

    /** The latest end of a span starting where {@code span} does that adds at most {@code room} new milliseconds. */
    private long endWithin(Span span, long room) {
        long fits = span.startMs();
        long tooFar = span.endMs();
        while (tooFar - fits > 1) {
            long middle = (fits + tooFar) >>> 1;
            if (with(List.of(new Span(span.startMs(), middle))).uniqueMs() - uniqueMs() <= room) {
                fits = middle;
            } else {
                tooFar = middle;
            }
        }
        return fits;
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
