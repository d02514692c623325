package org.yundangke.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.yundangke.base.DisplayPreferences;
import org.yundangke.base.FontStep;
import org.yundangke.base.Translations;
import org.yundangke.base.UserError;

/**
 * Per session and page: Chinese unless the user chose otherwise, the user's font step, and one friendly message
 * for any unexpected error (the details go to the log).
 */
@Component
@ConditionalOnWebApplication
class UiSetup implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiSetup.class);

    private final DisplayPreferences preferences;
    private final AuthenticationContext authentication;

    UiSetup(DisplayPreferences preferences, AuthenticationContext authentication) {
        this.preferences = preferences;
        this.authentication = authentication;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> {
            // the browser's Accept-Language is not asked: most members' devices say English or nothing useful
            init.getSession().setLocale(Translations.CHINESE);
            init.getSession().setErrorHandler(error -> showError(error.getThrowable()));
        });
        event.getSource().addUIInitListener(init -> authentication.getPrincipalName().ifPresent(username -> {
            UI ui = init.getUI();
            preferences.locale(username).ifPresent(ui::setLocale);
            applyFontStep(ui, preferences.fontStep(username));
        }));
    }

    static void applyFontStep(UI ui, FontStep step) {
        ui.getPage().executeJs("document.documentElement.setAttribute('data-font-step', $0)",
                String.valueOf(step.ordinal()));
    }

    private static void showError(Throwable error) {
        UI ui = UI.getCurrent();
        UserError userError = cause(error, UserError.class);
        if (userError != null && ui != null) {
            ui.access(() -> UserErrors.show(ui, userError));
            return;
        }
        boolean denied = hasCause(error, AccessDeniedException.class);
        if (denied) {
            log.warn("Access denied: {}", error.getMessage());
        } else {
            log.error("Unexpected error in the UI", error);
        }
        if (ui != null) {
            ui.access(() -> Toasts.problem(ui, denied ? "error.access-denied" : "error.unexpected"));
        }
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        return cause(error, type) != null;
    }

    private static <T extends Throwable> @Nullable T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
