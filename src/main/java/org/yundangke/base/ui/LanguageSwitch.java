package org.yundangke.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.yundangke.base.Translations;

/** One button that names the other language in that language ("English" / "中文") and switches to it. */
class LanguageSwitch extends Button {

    LanguageSwitch(@Nullable Consumer<Locale> onSwitch) {
        Locale other = Translations.supported(UI.getCurrent().getLocale()) == Translations.ENGLISH
                ? Translations.CHINESE : Translations.ENGLISH;
        setText(other == Translations.ENGLISH ? "English" : "中文");
        getElement().setAttribute("lang", other.toLanguageTag());
        setAriaLabel(getTranslation("language.switch"));
        addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addClassName("ydk-language-switch");
        addClickListener(click -> {
            VaadinSession.getCurrent().setLocale(other);
            if (onSwitch != null) {
                onSwitch.accept(other);
            }
            UI.getCurrent().getPage().reload();
        });
    }
}
