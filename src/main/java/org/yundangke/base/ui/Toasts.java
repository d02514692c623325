package org.yundangke.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * The app's short messages, each shown for {@value #DURATION_MS} ms with a 关闭 button: long enough for an older
 * reader to read one twice, and gone sooner when they want. A problem (what to fix, or a refusal) shows in the middle
 * of the screen; a piece of good news at the bottom. Neither takes the focus away from what the user was doing.
 */
public final class Toasts {

    public static final int DURATION_MS = 12_000;

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
        Notification toast = new Notification();
        Button close = new Button(ui.getTranslation("action.close"), e -> toast.close());
        close.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        close.addClassName("ydk-toast-close");
        HorizontalLayout content = new HorizontalLayout(new Span(ui.getTranslation(messageKey, args)), close);
        content.setAlignItems(FlexComponent.Alignment.CENTER);
        content.setWrap(true);
        toast.add(content);
        toast.setDuration(DURATION_MS);
        toast.setPosition(position);
        toast.addThemeVariants(variant);
        toast.open();
    }
}
