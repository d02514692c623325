package org.yundangke.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the catalogue, {@code yundangke.catalogue.*}.
 *
 * @param readingCharsPerMinute how fast an article is read (about the pace of the speech voice): its reading time,
 *                              which is also how long a member must have it open to complete it
 */
@ConfigurationProperties("yundangke.catalogue")
public record CatalogueProperties(@DefaultValue("300") int readingCharsPerMinute) {
}
