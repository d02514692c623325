package org.yundangke.media;

/** Why a file was refused before anything was stored; each has a message (zh/en) that says what to do next. */
public enum Rejection {
    EMPTY, TOO_LARGE, NOT_MEDIA, CORRUPT, NO_AUDIO_OR_VIDEO, TOO_LONG, UNSUPPORTED_CODEC;

    /** The i18n key of the message shown to the uploader. */
    public String messageKey() {
        return "media.rejected." + name();
    }
}
