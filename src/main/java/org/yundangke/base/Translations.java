package org.yundangke.base;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * UI text from {@code i18n/messages*.properties}: Simplified Chinese first (the default bundle), English second.
 * A missing key shows as {@code !key!} so it is spotted, never as an empty label.
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    static final String BUNDLE = "i18n.messages";

    private static final Logger log = LoggerFactory.getLogger(Translations.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(CHINESE, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        try {
            String pattern = bundle(locale).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, locale).format(params);
        } catch (MissingResourceException e) {
            log.warn("Missing translation {} for {}", key, locale);
            return "!" + key + "!";
        }
    }

    /** The locale we support that is closest to the given one: English for any English, Chinese otherwise. */
    public static Locale supported(Locale locale) {
        return ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : CHINESE;
    }

    private static ResourceBundle bundle(Locale locale) {
        // the base bundle (messages.properties) is the Chinese one
        Locale lookup = supported(locale) == ENGLISH ? ENGLISH : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, lookup, NO_FALLBACK);
    }
}
