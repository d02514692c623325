package org.yundangke.media;

/** A file that is not an acceptable talk; nothing of it is kept. */
public class MediaRejectedException extends RuntimeException {

    private final Rejection reason;

    public MediaRejectedException(Rejection reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Rejection reason() {
        return reason;
    }
}
