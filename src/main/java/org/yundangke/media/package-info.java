/**
 * Media: ffmpeg/ffprobe, and (coming) upload sessions, probing, transcode jobs and playback of talks.
 */
@ApplicationModule(allowedDependencies = {"base", "base :: ui", "base :: storage"})
@NullMarked
package org.yundangke.media;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
