package org.yundangke.base;

import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Font size, language and contrast per user, so an elderly member's settings follow them to any device. */
@Service
public class DisplayPreferences {

    private final UserPreferenceRepository preferences;

    DisplayPreferences(UserPreferenceRepository preferences) {
        this.preferences = preferences;
    }

    @Transactional(readOnly = true)
    public FontStep fontStep(String username) {
        return preferences.findById(username).map(p -> FontStep.of(p.getFontStep())).orElse(FontStep.STANDARD);
    }

    @Transactional(readOnly = true)
    public Optional<Locale> locale(String username) {
        return preferences.findById(username).map(UserPreference::getLocale).map(Locale::forLanguageTag);
    }

    /** A user's saved choices, read at once (every page load asks for all three). */
    public record Saved(FontStep step, Optional<Locale> locale, boolean highContrast) {
    }

    @Transactional(readOnly = true)
    public Saved saved(String username) {
        return preferences.findById(username).map(p -> new Saved(FontStep.of(p.getFontStep()),
                        Optional.ofNullable(p.getLocale()).map(Locale::forLanguageTag), p.isHighContrast()))
                .orElse(new Saved(FontStep.STANDARD, Optional.empty(), false));
    }

    @Transactional(readOnly = true)
    public boolean highContrast(String username) {
        return preferences.findById(username).map(UserPreference::isHighContrast).orElse(false);
    }

    @Transactional
    public void saveHighContrast(String username, boolean high) {
        find(username).setHighContrast(high);
    }

    @Transactional
    public void saveFontStep(String username, FontStep step) {
        find(username).setFontStep(step.ordinal());
    }

    @Transactional
    public void saveLocale(String username, Locale locale) {
        find(username).setLocale(locale.toLanguageTag());
    }

    private UserPreference find(String username) {
        return preferences.findById(username).orElseGet(() -> preferences.save(new UserPreference(username)));
    }
}
