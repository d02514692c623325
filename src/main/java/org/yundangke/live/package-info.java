/**
 * Live talks and online report meetings (网上专题报告会): sessions scheduled for every member or for committees, joined
 * by an outside meeting link or watched in the app (RTMP in through media's {@code LiveStreams}, HLS out through the
 * same token-checked playback as talks), reminders, a calendar feed, and attendance the server can vouch for, which
 * publishes {@link org.yundangke.live.LiveAttended} once per member and session for the credit module. A recording
 * becomes a lesson in the catalogue (the replay).
 */
@ApplicationModule(allowedDependencies = {"base", "base :: ui", "org", "media", "study", "catalogue"})
@NullMarked
package org.yundangke.live;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
