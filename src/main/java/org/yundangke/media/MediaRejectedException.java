package org.yundangke.media;

import org.yundangke.base.UserError;

/**
 * A file refused before anything of it was kept, for a {@link Rejection} the uploader can act on (its message says
 * what to send instead); the detail is for the log only.
 */
public class MediaRejectedException extends UserError {

    private final Rejection reason;
    private final String detail;

    public MediaRejectedException(Rejection reason, String detail) {
        super(reason.messageKey());
        this.reason = reason;
        this.detail = detail;
    }

    public Rejection reason() {
        return reason;
    }

    @Override
    public String getMessage() {
        return reason + ": " + detail;
    }
}
