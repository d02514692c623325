package org.yundangke.media;

/** A talk with pictures, or a talk to listen to. */
public enum MediaKind {
    VIDEO, AUDIO
}
