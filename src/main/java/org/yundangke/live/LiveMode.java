package org.yundangke.live;

/** How members watch a live session. */
public enum LiveMode {
    /** An outside meeting (腾讯会议, 钉钉, 视频号…) joined with its URL; the default. */
    LINK,
    /** Streamed into the app over RTMP and watched in the app's player. */
    APP
}
