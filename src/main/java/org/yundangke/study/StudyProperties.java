package org.yundangke.study;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of study, {@code yundangke.study.*}.
 *
 * @param completionShare the share of a lesson's length a member must have played (each moment once) to complete it
 * @param batchReports    progress reports that arrive together are applied in one transaction (false: one each, on the
 *                        request's thread; the benchmark's baseline)
 */
@ConfigurationProperties("yundangke.study")
public record StudyProperties(@DefaultValue("0.9") double completionShare, @DefaultValue("true") boolean batchReports) {
}
