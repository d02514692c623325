package org.yundangke.base.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.yundangke.base.FontStep;
import org.yundangke.base.Translations;

/**
 * What a device remembers from its first visit, before anyone logs in: font step, language and contrast, each in a
 * cookie. The server reads them to render the page as it will stay, so nothing changes after the first paint.
 */
record DeviceSettings(Optional<FontStep> step, Optional<Locale> locale, Optional<Boolean> highContrast) {

    static final String STEP_COOKIE = "ydk-font-step";
    static final String LANGUAGE_COOKIE = "ydk-lang";
    static final String CONTRAST_COOKIE = "ydk-contrast";
    static final String STEP_ATTRIBUTE = "data-font-step";
    static final String CONTRAST_ATTRIBUTE = "data-contrast";

    static DeviceSettings of(@Nullable VaadinRequest request) {
        Cookie[] cookies = request == null ? null : request.getCookies();
        return new DeviceSettings(
                cookie(cookies, STEP_COOKIE).filter(v -> v.matches("[0-9]"))
                        .map(v -> FontStep.of(Integer.parseInt(v))),
                cookie(cookies, LANGUAGE_COOKIE).filter(v -> v.matches("[a-zA-Z-]{2,10}"))
                        .map(v -> Translations.supported(Locale.forLanguageTag(v))),
                cookie(cookies, CONTRAST_COOKIE).filter(v -> v.equals("high") || v.equals("normal"))
                        .map("high"::equals));
    }

    private static Optional<String> cookie(Cookie @Nullable [] cookies, String name) {
        return cookies == null ? Optional.empty()
                : Arrays.stream(cookies).filter(c -> name.equals(c.getName())).map(Cookie::getValue).findFirst();
    }

    /** Shows the page at {@code step} at once and remembers it on this device for a year. */
    static void applyFontStep(UI ui, FontStep step) {
        ComponentUtil.setData(ui, FontStep.class, step);
        apply(ui, STEP_ATTRIBUTE, String.valueOf(step.ordinal()), STEP_COOKIE, String.valueOf(step.ordinal()));
    }

    /** Shows the page in high contrast (or not) at once and remembers it on this device. */
    static void applyContrast(UI ui, boolean high) {
        apply(ui, CONTRAST_ATTRIBUTE, high ? "high" : "normal", CONTRAST_COOKIE, high ? "high" : "normal");
    }

    /** Remembers the language on this device; the caller reloads the page to show it. */
    static void rememberLanguage(UI ui, Locale locale) {
        ui.getPage().executeJs(COOKIE_JS, LANGUAGE_COOKIE, locale.toLanguageTag());
    }

    private static final String COOKIE_JS = "document.cookie = $0 + '=' + $1 + '; path=/; max-age=31536000; samesite=lax'";

    private static void apply(UI ui, String attribute, String attributeValue, String cookie, String cookieValue) {
        ui.getPage().executeJs("document.documentElement.setAttribute($2, $3); " + COOKIE_JS, cookie, cookieValue,
                attribute, attributeValue);
    }
}
