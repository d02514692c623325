/**
 * Livestreams and online report meetings (网上报告会): so far only the event an attendance publishes, which the credit
 * module turns into 学时 and points. Scheduling, the stream links and attendance taking come with their own issue.
 */
@ApplicationModule(allowedDependencies = {"base"})
@NullMarked
package org.yundangke.live;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
