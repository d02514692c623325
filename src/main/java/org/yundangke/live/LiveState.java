package org.yundangke.live;

/** Where a session is in time, by the server's clock. */
public enum LiveState {
    UPCOMING, LIVE, ENDED, CANCELLED
}
