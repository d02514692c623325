package org.yundangke.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.yundangke.study.PlayedSpans.Span;

class PlayedSpansTest {

    @Test
    void overlapping_and_touching_spans_merge() {
        PlayedSpans played = PlayedSpans.none().with(List.of(new Span(0, 10_000), new Span(5_000, 15_000),
                new Span(15_000, 20_000)));
        assertThat(played.spans()).containsExactly(new Span(0, 20_000));
        assertThat(played.uniqueMs()).isEqualTo(20_000);
    }

    @Test
    void seeking_ahead_earns_only_what_was_played() {
        PlayedSpans played = PlayedSpans.none().with(List.of(new Span(0, 30_000)))
                .with(List.of(new Span(600_000, 610_000)));
        assertThat(played.uniqueMs()).isEqualTo(40_000);
        assertThat(played.spans()).hasSize(2);
    }

    @Test
    void replays_and_duplicate_reports_count_once() {
        PlayedSpans once = PlayedSpans.none().with(List.of(new Span(0, 60_000)));
        PlayedSpans again = once.with(List.of(new Span(0, 60_000))).with(List.of(new Span(10_000, 20_000)));
        assertThat(again.uniqueMs()).isEqualTo(60_000);
        assertThat(again.stored()).isEqualTo(once.stored());
    }

    @Test
    void reports_out_of_order_give_the_same_result() {
        List<Span> a = List.of(new Span(30_000, 45_000));
        List<Span> b = List.of(new Span(0, 15_000));
        List<Span> c = List.of(new Span(14_000, 31_000));
        String forward = PlayedSpans.none().with(a).with(b).with(c).stored();
        String backward = PlayedSpans.none().with(c).with(b).with(a).stored();
        assertThat(forward).isEqualTo(backward).isEqualTo("0-45000");
    }

    @Test
    void stored_form_reads_back_and_play_past_the_end_is_clipped() {
        PlayedSpans played = PlayedSpans.parse("0-15000,30000-45000");
        assertThat(PlayedSpans.parse(played.stored()).spans()).isEqualTo(played.spans());
        assertThat(PlayedSpans.none().withAtMost(played.spans(), 40_000, Long.MAX_VALUE).uniqueMs()).isEqualTo(25_000);
        assertThat(PlayedSpans.parse("").uniqueMs()).isZero();
    }

    @Test
    void a_budget_cuts_the_new_span_short_and_keeps_what_was_credited() {
        PlayedSpans earlier = PlayedSpans.none().with(List.of(new Span(0, 10_000), new Span(20_000, 30_000)));
        // 15 s of room: the new 0–60 s span adds 10–20 s (10 s) and then 30–35 s (5 s)
        PlayedSpans after = earlier.withAtMost(List.of(new Span(0, 60_000)), 100_000, 35_000);
        assertThat(after.uniqueMs()).isEqualTo(35_000);
        assertThat(after.spans()).containsExactly(new Span(0, 35_000));
        assertThat(earlier.withAtMost(List.of(new Span(40_000, 50_000)), 100_000, 5_000).uniqueMs())
                .as("over budget already: nothing new, nothing lost").isEqualTo(20_000);
    }

    @Test
    void a_budget_leaves_out_spans_past_the_end_of_the_lesson_and_clips_the_last() {
        PlayedSpans played = PlayedSpans.none().withAtMost(List.of(new Span(90_000, 130_000),
                new Span(200_000, 210_000)), 100_000, 1_000_000);
        assertThat(played.spans()).containsExactly(new Span(90_000, 100_000));
    }
}
