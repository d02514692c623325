package org.yundangke.media;

/** Where a talk is on its way from the uploader's phone to the player. */
public enum MediaState {
    UPLOADING, QUEUED, TRANSCODING, READY, FAILED
}
