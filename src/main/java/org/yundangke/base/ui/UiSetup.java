package org.yundangke.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Optional;
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
 * Per session and page: Chinese unless the user chose otherwise, the font step, and one friendly message for any
 * unexpected error (the details go to the log). The font step is remembered per device in a cookie from the first
 * visit (the login page offers it) and per user once logged in; the server writes it into the page's {@code <html>},
 * so the page appears at its size and nothing moves after the first paint. A device's choice follows its user to
 * their other devices; a device without one takes the user's.
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
        event.addIndexHtmlRequestListener(page -> page.getDocument().root().selectFirst("html")
                .attr(STEP_ATTRIBUTE, String.valueOf(pageStep(page.getVaadinRequest()).ordinal())));
        event.getSource().addUIInitListener(init -> authentication.getPrincipalName().ifPresent(username -> {
            UI ui = init.getUI();
            preferences.locale(username).ifPresent(ui::setLocale);
            Optional<FontStep> device = deviceStep(VaadinRequest.getCurrent());
            if (device.isEmpty()) {
                applyFontStep(ui, preferences.fontStep(username)); // this device's first visit: the user's step
            } else if (device.get() != preferences.fontStep(username)) {
                preferences.saveFontStep(username, device.get());
            }
        }));
    }

    static final String STEP_ATTRIBUTE = "data-font-step";
    static final String STEP_COOKIE = "ydk-font-step";

    /** The device's step, else the logged-in user's, else the standard one. */
    private FontStep pageStep(@Nullable VaadinRequest request) {
        return deviceStep(request).orElseGet(() -> authentication.getPrincipalName().map(preferences::fontStep)
                .orElse(FontStep.STANDARD));
    }

    static Optional<FontStep> deviceStep(@Nullable VaadinRequest request) {
        Cookie[] cookies = request == null ? null : request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies).filter(c -> STEP_COOKIE.equals(c.getName())).map(Cookie::getValue)
                .filter(v -> v.matches("[0-9]")).map(v -> FontStep.of(Integer.parseInt(v))).findFirst();
    }

    /** Shows the page at {@code step} and remembers it on this device for a year. */
    static void applyFontStep(UI ui, FontStep step) {
        ui.getPage().executeJs("document.documentElement.setAttribute($0, $1);"
                + " document.cookie = $2 + '=' + $1 + '; path=/; max-age=31536000; samesite=lax'",
                STEP_ATTRIBUTE, String.valueOf(step.ordinal()), STEP_COOKIE);
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
