package org.yundangke.media;

/**
 * Where a talk is on its way from the uploader's phone to the player. A live stream is LIVE while it is received and
 * then goes the same way (QUEUED, TRANSCODING, READY) as its recording.
 */
public enum MediaState {
    UPLOADING, QUEUED, TRANSCODING, READY, FAILED, LIVE
}
