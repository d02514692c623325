package org.yundangke.media;

import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yundangke.base.AppProperties;

@Configuration
class FfmpegConfiguration {

    private static final String JAVACPP_CACHE = "org.bytedeco.javacpp.cachedir";

    @Bean
    FfmpegTools ffmpegTools(AppProperties app, FfmpegProperties paths) {
        Path dataDir = app.dataDir();
        String ffmpeg = paths.ffmpegPath();
        String ffprobe = paths.ffprobePath();
        if (System.getProperty(JAVACPP_CACHE) == null) {
            // keep the 86 MB native extraction beside the app's data rather than in ~/.javacpp
            System.setProperty(JAVACPP_CACHE, dataDir.resolve("javacpp").toAbsolutePath().toString());
        }
        FfmpegTools tools = ffmpeg.isBlank() || ffprobe.isBlank()
                ? FfmpegTools.bundled() : new FfmpegTools(Path.of(ffmpeg), Path.of(ffprobe));
        tools.selfCheck();
        return tools;
    }
}
