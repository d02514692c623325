package org.yundangke.media;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(MediaProperties.class)
class FfmpegConfiguration {

    private static final String JAVACPP_CACHE = "org.bytedeco.javacpp.cachedir";

    @Bean
    FfmpegTools ffmpegTools(@Value("${yundangke.data-dir}") Path dataDir,
                            @Value("${yundangke.ffmpeg.ffmpeg-path:}") String ffmpeg,
                            @Value("${yundangke.ffmpeg.ffprobe-path:}") String ffprobe) {
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
