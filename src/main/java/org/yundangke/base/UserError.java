package org.yundangke.base;

/**
 * A refusal the user can act on: its message key (with arguments) names what was wrong and what to do next, in every
 * language the app speaks. Views show it as it is; the UI's error handler does too, for any that slip through.
 */
public class UserError extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public UserError(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
