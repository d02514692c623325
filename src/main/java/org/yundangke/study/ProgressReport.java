package org.yundangke.study;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the player and the article reader send to {@value #PATH} every ~12 s (and by beacon when the page goes away):
 * {@code {"lessonId": "<uuid>", "spans": [[from, to], …], "position": s}}, times in seconds from the start, the spans
 * being what was played during this page visit. The scripts ({@code frontend/player/ydk-player.js},
 * {@code frontend/reader/ydk-reader.js}) build exactly these fields ({@code ProgressReportContractTest}).
 */
public record ProgressReport(UUID lessonId, @Nullable List<double[]> spans, double position) {

    public static final String PATH = "/api/progress";

    List<double[]> spansOrNone() {
        return spans == null ? List.of() : spans;
    }
}
