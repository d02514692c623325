/**
 * Study: verified watching. The player reports the spans it actually played; they are merged into unique time per
 * member and lesson (seeking ahead earns nothing, replays count once, faster than twice real time is ignored), and
 * the first time a lesson is complete in a year {@link org.yundangke.study.LessonCompleted} is published.
 */
@ApplicationModule(allowedDependencies = {"base", "base :: ui", "catalogue", "media", "org"})
@NullMarked
package org.yundangke.study;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
