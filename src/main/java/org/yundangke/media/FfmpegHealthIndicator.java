package org.yundangke.media;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** "ffmpeg" in the health groups: the transcoder and prober this node would run are there and executable. */
@Component
class FfmpegHealthIndicator extends AbstractHealthIndicator {

    private final FfmpegTools tools;

    FfmpegHealthIndicator(FfmpegTools tools) {
        this.tools = tools;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Path ffmpeg = tools.ffmpegPath();
        (Files.isExecutable(ffmpeg) ? builder.up() : builder.down())
                .withDetail("ffmpeg", String.valueOf(ffmpeg.getFileName()));
    }
}
