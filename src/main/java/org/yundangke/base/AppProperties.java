package org.yundangke.base;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings the whole app shares, {@code yundangke.*}; each module binds its own below it ({@code yundangke.media.*},
 * {@code yundangke.study.*}…).
 *
 * @param dataDir where the embedded database, object store, search index and transcoding work live
 *                ({@code YUNDANGKE_DATA_DIR})
 */
@ConfigurationProperties("yundangke")
public record AppProperties(@DefaultValue("./data") Path dataDir) {
}
