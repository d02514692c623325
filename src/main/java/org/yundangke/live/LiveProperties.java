package org.yundangke.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live settings, {@code yundangke.live.*}.
 *
 * @param ingest       whether this node receives in-app streams (one node does; in compose the worker)
 * @param ingestHost   the host name speakers stream to, as their streaming app should dial it
 * @param firstPort    the RTMP ports handed to in-app sessions start here…
 * @param ports        …and this many follow; sessions that overlap in time never share one
 * @param openBefore   the ingest listens this long before the start, so the speaker can test
 * @param closeAfter   and this long after the end, for a talk that runs over
 * @param presenceSlot a member's presence is counted in slots of this length (a report marks its slot)
 */
@ConfigurationProperties("yundangke.live")
public record LiveProperties(
        @DefaultValue("true") boolean ingest,
        @DefaultValue("localhost") String ingestHost,
        @DefaultValue("19350") int firstPort,
        @DefaultValue("50") int ports,
        @DefaultValue("30m") Duration openBefore,
        @DefaultValue("30m") Duration closeAfter,
        @DefaultValue("15s") Duration presenceSlot) {
}
