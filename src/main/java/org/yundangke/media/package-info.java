/**
 * Media: ffmpeg/ffprobe, and (coming) upload sessions, probing, transcode jobs and playback of talks.
 */
@NullMarked
package org.yundangke.media;

import org.jspecify.annotations.NullMarked;
