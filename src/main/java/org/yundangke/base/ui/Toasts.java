package org.yundangke.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * The app's short messages, all shown for {@value #DURATION_MS} ms: long enough for an older reader to read one twice.
 * A problem (what to fix, or a refusal) shows in the middle of the screen; a piece of good news at the bottom. Neither
 * takes the focus away from what the user was doing.
 */
public final class Toasts {

    public static final int DURATION_MS = 8000;

    private Toasts() {
    }

    /** Something went through: saved, published, assigned. */
    public static void done(String messageKey, Object... args) {
        show(UI.getCurrent(), messageKey, args, Notification.Position.BOTTOM_CENTER, NotificationVariant.LUMO_SUCCESS);
    }

    /** Something to fix before going on, or a refusal. */
    public static void problem(String messageKey, Object... args) {
        problem(UI.getCurrent(), messageKey, args);
    }

    static void problem(UI ui, String messageKey, Object... args) {
        show(ui, messageKey, args, Notification.Position.MIDDLE, NotificationVariant.LUMO_ERROR);
    }

    private static void show(UI ui, String messageKey, Object[] args, Notification.Position position,
                             NotificationVariant variant) {
        Notification.show(ui.getTranslation(messageKey, args), DURATION_MS, position).addThemeVariants(variant);
    }
}
