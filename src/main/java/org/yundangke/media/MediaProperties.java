package org.yundangke.media;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and choices of the media pipeline, all overridable with {@code yundangke.media.*}.
 *
 * @param maxUploadSize     largest file accepted
 * @param chunkSize         size of one upload part (the S3 minimum is 5 MiB for every part but the last)
 * @param maxDuration       longest talk accepted
 * @param ladderHeights     video renditions (by the short side), highest first; never above the source
 * @param audioOnlyKbps     bit rate of the audio-only rendition for weak connections
 * @param segmentSeconds    HLS segment length
 * @param keepOriginals     keep the uploaded file after transcoding
 * @param staleUploadAfter  unfinished uploads older than this are removed
 * @param maxAttempts       transcode attempts before a job is shown as failed
 * @param playbackTokenTtl  how long a playback URL works
 */
@ConfigurationProperties("yundangke.media")
public record MediaProperties(
        @DefaultValue("4GB") DataSize maxUploadSize,
        @DefaultValue("8MB") DataSize chunkSize,
        @DefaultValue("4h") Duration maxDuration,
        @DefaultValue({"1080", "720", "480", "360"}) List<Integer> ladderHeights,
        @DefaultValue("64") int audioOnlyKbps,
        @DefaultValue("6") int segmentSeconds,
        @DefaultValue("true") boolean keepOriginals,
        @DefaultValue("24h") Duration staleUploadAfter,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("10m") Duration playbackTokenTtl) {
}
