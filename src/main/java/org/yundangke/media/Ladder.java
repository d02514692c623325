package org.yundangke.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The adaptive HLS ladder for one talk and the single ffmpeg command that makes it: the source is decoded once,
 * split, scaled to every rung (never above the source), encoded with keyframes aligned on segment boundaries, plus a
 * small audio-only rendition for weak connections and a poster frame.
 *
 * <p>The arguments are a plain list, not ffmpeg-cli-wrapper's {@code FFmpegBuilder}: version 0.9.2 takes the filter
 * graph only as an opaque string (and its {@code setComplexFilter} is deprecated), maps only input streams (not the
 * graph's labels such as {@code [v0]}), sets codec and bit rate only for all streams at once (not {@code -c:v:1},
 * {@code -b:v:1}, {@code -maxrate:v:1}), and has no setter for {@code -g}, {@code -keyint_min},
 * {@code -sc_threshold} or {@code -hls_flags}. Written with the builder, all of those become {@code addExtraArgs}
 * strings (tried: same files), so the builder would add a layer without checking anything.
 */
record Ladder(ProbeResult source, List<Integer> heights, int fps, int segmentSeconds, int audioOnlyKbps) {

    static final String MASTER = "master.m3u8";
    static final String POSTER = "poster.jpg";
    static final int MAX_FPS = 30;

    static Ladder plan(ProbeResult source, MediaProperties properties) {
        List<Integer> heights = new ArrayList<>();
        if (source.kind() == MediaKind.VIDEO) {
            properties.ladderHeights().stream().filter(h -> h <= source.shortSide()).forEach(heights::add);
            if (heights.isEmpty()) {
                heights.add(source.shortSide() - source.shortSide() % 2); // smaller than every rung: keep its size
            }
        }
        int fps = (int) Math.min(MAX_FPS, Math.max(1, Math.round(source.frameRate())));
        return new Ladder(source, List.copyOf(heights), fps, properties.segmentSeconds(), properties.audioOnlyKbps());
    }

    /** Names of the renditions, as stored and as listed in the master playlist. */
    List<String> renditionNames() {
        List<String> names = new ArrayList<>(heights.stream().map(String::valueOf).toList());
        if (source.kind() == MediaKind.AUDIO) {
            names.add("audio128");
        }
        if (source.hasAudio()) {
            names.add("audio" + audioOnlyKbps);
        }
        return names;
    }

    List<String> ffmpegArguments(String input, Path out) {
        List<String> args = new ArrayList<>(List.of("-hide_banner", "-nostdin", "-y", "-v", "error", "-nostats",
                "-progress", "pipe:1", "-i", input));
        List<String> streamMap = new ArrayList<>();
        if (source.kind() == MediaKind.VIDEO) {
            addVideo(args, streamMap);
        } else {
            args.addAll(List.of("-map", "0:a:0", "-c:a:0", "aac", "-b:a:0", "128k"));
            streamMap.add("a:0,name:audio128");
        }
        if (source.hasAudio()) {
            int index = source.kind() == MediaKind.VIDEO ? heights.size() : 1;
            args.addAll(List.of("-map", "0:a:0", "-c:a:" + index, "aac", "-b:a:" + index, audioOnlyKbps + "k"));
            streamMap.add("a:" + index + ",name:audio" + audioOnlyKbps);
        }
        // stereo at most (odd phone layouts, 5.1 recordings), one sample rate for every rendition
        args.addAll(List.of("-ac", "2", "-ar", "48000"));
        args.addAll(List.of("-f", "hls", "-hls_time", String.valueOf(segmentSeconds), "-hls_playlist_type", "vod",
                "-hls_flags", "independent_segments", "-master_pl_name", MASTER,
                "-hls_segment_filename", out.resolve("%v/seg_%05d.ts").toString(),
                "-var_stream_map", String.join(" ", streamMap), out.resolve("%v/index.m3u8").toString()));
        if (source.kind() == MediaKind.VIDEO) {
            // the poster is a second output of the same process: no second decode
            args.addAll(List.of("-map", "[poster]", "-frames:v", "1", "-q:v", "3", out.resolve(POSTER).toString()));
        }
        return args;
    }

    /**
     * Decode once: fps (constant frame rate) → split off the poster → scale in a cascade, each rung from the one above
     * it (smaller input, less scaling work than scaling every rung from the source).
     */
    private void addVideo(List<String> args, List<String> streamMap) {
        int n = heights.size();
        double posterAt = Math.min(10, source.durationSeconds() / 10);
        StringBuilder graph = new StringBuilder("[0:v:0]fps=" + fps + ",format=yuv420p,split=2[poster_in][c0]");
        graph.append(";[poster_in]trim=start=").append(String.format(java.util.Locale.ROOT, "%.2f", posterAt))
                .append(',').append(scale(heights.getFirst())).append("[poster]");
        for (int i = 0; i < n; i++) {
            graph.append(";[c").append(i).append(']').append(scale(heights.get(i)));
            graph.append(i < n - 1 ? ",split=2[v" + i + "][c" + (i + 1) + "]" : "[v" + i + "]");
        }
        args.addAll(List.of("-filter_complex", graph.toString()));
        int gop = fps * segmentSeconds;
        for (int i = 0; i < n; i++) {
            int kbps = videoKbps(heights.get(i));
            args.addAll(List.of("-map", "[v" + i + "]", "-c:v:" + i, "libx264", "-b:v:" + i, kbps + "k",
                    "-maxrate:v:" + i, (kbps * 3 / 2) + "k", "-bufsize:v:" + i, (kbps * 2) + "k"));
            if (source.hasAudio()) {
                args.addAll(List.of("-map", "0:a:0", "-c:a:" + i, "aac", "-b:a:" + i, heights.get(i) > 480 ? "128k" : "96k"));
                streamMap.add("v:" + i + ",a:" + i + ",name:" + heights.get(i));
            } else {
                streamMap.add("v:" + i + ",name:" + heights.get(i));
            }
        }
        args.addAll(List.of("-preset", "veryfast", "-profile:v", "main", "-g", String.valueOf(gop),
                "-keyint_min", String.valueOf(gop), "-sc_threshold", "0"));
    }

    private String scale(int shortSide) {
        return source.portrait() ? "scale=" + shortSide + ":-2" : "scale=-2:" + shortSide;
    }

    static int videoKbps(int height) {
        return switch (height) {
            case 1080 -> 4500;
            case 720 -> 2500;
            case 480 -> 1000;
            case 360 -> 600;
            default -> Math.max(250, height * 1700 / 540);
        };
    }
}
