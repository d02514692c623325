package org.yundangke.base;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The body every failure of the app's HTTP endpoints answers with: {@code {reason, message}}, the message in the
 * language a script asks for ({@value #LANGUAGE_HEADER}), else the user's own, else Chinese. Used by the global
 * {@link ApiErrors} and by controllers that name their own reasons (uploads).
 */
@Component
public class ApiAnswers {

    public static final String LANGUAGE_HEADER = "X-Ydk-Lang";

    private final Translations translations;
    private final DisplayPreferences preferences;

    ApiAnswers(Translations translations, DisplayPreferences preferences) {
        this.translations = translations;
        this.preferences = preferences;
    }

    public ResponseEntity<Map<String, String>> of(HttpStatusCode status, String reason, String messageKey,
                                                  HttpServletRequest request, Object... args) {
        return ResponseEntity.status(status).body(Map.of("reason", reason,
                "message", translations.getTranslation(messageKey, locale(request), args)));
    }

    private Locale locale(HttpServletRequest request) {
        String asked = request.getHeader(LANGUAGE_HEADER);
        if (asked != null) {
            return Translations.supported(Locale.forLanguageTag(asked));
        }
        Principal user = request.getUserPrincipal();
        return user == null ? Translations.CHINESE
                : preferences.locale(user.getName()).orElse(Translations.CHINESE);
    }
}
