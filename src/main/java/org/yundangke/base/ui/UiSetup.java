package org.yundangke.base.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Element;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.util.DisconnectedClientHelper;
import org.yundangke.base.DisplayPreferences;
import org.yundangke.base.FontStep;
import org.yundangke.base.Translations;
import org.yundangke.base.UserError;

/**
 * Per session and page: Chinese unless the device or user chose otherwise, the font step and contrast, and one
 * friendly message for any unexpected error (the details go to the log). The display settings are remembered per
 * device in cookies from the first visit (the login page offers them) and per user once logged in; the server writes
 * them into the page's {@code <html>}, so the page appears as it stays and nothing moves after the first paint.
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
            init.getSession().setLocale(DeviceSettings.of(init.getRequest()).locale().orElse(Translations.CHINESE));
            init.getSession().setErrorHandler(error -> showError(error.getThrowable()));
        });
        event.addIndexHtmlRequestListener(page -> {
            Display display = display(DeviceSettings.of(page.getVaadinRequest()),
                    authentication.getPrincipalName().map(preferences::saved));
            Element html = page.getDocument().root().selectFirst("html");
            html.attr(DeviceSettings.STEP_ATTRIBUTE, String.valueOf(display.step().ordinal()));
            html.attr("lang", display.locale().toLanguageTag());
            if (display.highContrast()) {
                html.attr(DeviceSettings.CONTRAST_ATTRIBUTE, "high");
            }
        });
        event.getSource().addUIInitListener(init -> {
            DeviceSettings device = DeviceSettings.of(VaadinRequest.getCurrent());
            Optional<DisplayPreferences.Saved> saved = authentication.getPrincipalName().map(preferences::saved);
            // the step is known on the server too, so a table can choose cards at large text (ResponsiveGrid)
            ComponentUtil.setData(init.getUI(), FontStep.class, display(device, saved).step());
            authentication.getPrincipalName().ifPresent(username -> reconcile(init.getUI(), username, device,
                    saved.orElseThrow()));
        });
    }

    /** How the page is shown: this device's choices, else the logged-in user's, else the defaults. */
    private static Display display(DeviceSettings device, Optional<DisplayPreferences.Saved> saved) {
        return new Display(
                device.step().orElseGet(() -> saved.map(DisplayPreferences.Saved::step).orElse(FontStep.STANDARD)),
                device.locale().orElseGet(() -> saved.flatMap(DisplayPreferences.Saved::locale)
                        .orElse(Translations.CHINESE)),
                device.highContrast().orElseGet(() -> saved.map(DisplayPreferences.Saved::highContrast)
                        .orElse(false)));
    }

    private record Display(FontStep step, Locale locale, boolean highContrast) {
    }

    /**
     * A device's choice follows its user to their other devices; a device without one takes the user's (and keeps it
     * from then on).
     */
    private void reconcile(UI ui, String username, DeviceSettings device, DisplayPreferences.Saved saved) {
        Display display = display(device, Optional.of(saved));
        ui.setLocale(display.locale());
        ui.getSession().setLocale(display.locale());
        if (device.step().isEmpty()) {
            DeviceSettings.applyFontStep(ui, display.step());
        } else if (device.step().get() != saved.step()) {
            preferences.saveFontStep(username, device.step().get());
        }
        if (device.locale().isEmpty()) {
            DeviceSettings.rememberLanguage(ui, display.locale());
        } else if (!device.locale().equals(saved.locale())) {
            preferences.saveLocale(username, device.locale().get());
        }
        if (device.highContrast().isEmpty()) {
            DeviceSettings.applyContrast(ui, display.highContrast());
        } else if (device.highContrast().get() != saved.highContrast()) {
            preferences.saveHighContrast(username, device.highContrast().get());
        }
    }

    private static void showError(Throwable error) {
        UI ui = UI.getCurrent();
        UserError userError = cause(error, UserError.class);
        if (userError != null && ui != null) {
            ui.access(() -> UserErrors.show(ui, userError));
            return;
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(error)) {
            log.debug("Browser gone before its answer: {}", error.toString()); // a tab closed or navigated away
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
