package org.yundangke.base;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "user_preference")
class UserPreference {

    @Id
    private String username;

    @Column(name = "font_step")
    private int fontStep;

    private @Nullable String locale;

    @Column(name = "high_contrast")
    private boolean highContrast;

    protected UserPreference() {
        this.username = "";
    }

    UserPreference(String username) {
        this.username = username;
    }

    int getFontStep() {
        return fontStep;
    }

    void setFontStep(int fontStep) {
        this.fontStep = fontStep;
    }

    @Nullable String getLocale() {
        return locale;
    }

    void setLocale(@Nullable String locale) {
        this.locale = locale;
    }

    boolean isHighContrast() {
        return highContrast;
    }

    void setHighContrast(boolean highContrast) {
        this.highContrast = highContrast;
    }
}
