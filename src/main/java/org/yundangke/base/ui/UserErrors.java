package org.yundangke.base.ui;

import com.vaadin.flow.component.UI;
import java.util.Optional;
import java.util.function.Supplier;
import org.yundangke.base.UserError;

/**
 * Shows a {@link UserError} the way every view does: its message in the user's language, in the middle of the
 * screen, long enough to read. Views run a service call through {@link #attempt} to carry on only when it went
 * through (a dialog stays open with the message otherwise); the UI's error handler shows the ones left uncaught.
 */
public final class UserErrors {

    private UserErrors() {
    }

    /** Runs the action; true when it went through, false (with the message shown) when it was refused. */
    public static boolean attempt(Runnable action) {
        return attemptGet(() -> {
            action.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /** Its result, or empty (with the message shown) when it was refused. */
    public static <T> Optional<T> attemptGet(Supplier<T> action) {
        try {
            return Optional.of(action.get());
        } catch (UserError e) {
            show(UI.getCurrent(), e);
            return Optional.empty();
        }
    }

    static void show(UI ui, UserError error) {
        Toasts.problem(ui, error.messageKey(), error.args());
    }
}
