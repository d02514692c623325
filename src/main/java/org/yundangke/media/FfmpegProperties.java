package org.yundangke.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where ffmpeg and ffprobe are, {@code yundangke.ffmpeg.*} ({@code YUNDANGKE_FFMPEG}, {@code YUNDANGKE_FFPROBE});
 * both empty: the binaries of the bytedeco Maven package.
 */
@ConfigurationProperties("yundangke.ffmpeg")
public record FfmpegProperties(@DefaultValue("") String ffmpegPath, @DefaultValue("") String ffprobePath) {
}
