package org.yundangke.base.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.yundangke.base.DisplayPreferences;
import org.yundangke.base.FontStep;
import org.yundangke.base.Translations;

/**
 * 设置: font size, language and contrast as large choices that never move under the finger, and logout. Reached from
 * the header's one 设置 link, so no setting is a stray tap away on every page.
 */
@Route("settings")
@PermitAll
public class SettingsView extends Main implements HasDynamicTitle {

    final Button logout = new Button();

    SettingsView(AuthenticationContext authentication, DisplayPreferences preferences) {
        addClassNames("ydk-page", "ydk-settings");
        String username = authentication.getPrincipalName().orElse("");
        UI ui = UI.getCurrent();
        FontStep step = Objects.requireNonNullElse(ComponentUtil.getData(ui, FontStep.class), FontStep.STANDARD);
        add(new H1(getTranslation("settings.title")), new Paragraph(getTranslation("settings.user", username)));
        add(fontStepChoice(step, chosen -> {
            DeviceSettings.applyFontStep(ui, chosen);
            preferences.saveFontStep(username, chosen);
        }));
        add(languageChoice(ui.getLocale(), locale -> {
            preferences.saveLocale(username, locale);
            switchLanguage(ui, locale);
        }));
        boolean high = preferences.highContrast(username);
        add(new SettingChoices<>(getTranslation("contrast.label"), List.of(false, true), high,
                h -> getTranslation(h ? "contrast.high" : "contrast.normal"), chosen -> {
                    DeviceSettings.applyContrast(ui, chosen);
                    preferences.saveHighContrast(username, chosen);
                }));
        logout.setText(getTranslation("nav.logout"));
        logout.setIcon(new Icon(VaadinIcon.SIGN_OUT));
        logout.addClassNames("ydk-big-button", "ydk-logout");
        logout.addClickListener(e -> authentication.logout());
        Anchor help = new Anchor("help", getTranslation("settings.help"));
        help.getElement().setAttribute("router-link", true);
        help.addClassName("ydk-big-link");
        add(logout, help);
    }

    /** 字号 as four choices, each caption shown at its own size; used here and on the login page. */
    static SettingChoices<FontStep> fontStepChoice(FontStep current, java.util.function.Consumer<FontStep> onChoose) {
        UI ui = UI.getCurrent();
        SettingChoices<FontStep> choice = new SettingChoices<>(ui.getTranslation("font.label"),
                Arrays.asList(FontStep.values()), current,
                step -> ui.getTranslation("font.step." + step.name().toLowerCase()), onChoose);
        choice.addClassName("ydk-step-choice");
        return choice;
    }

    /** 语言 Language: each language named in itself. */
    static SettingChoices<Locale> languageChoice(Locale current, java.util.function.Consumer<Locale> onChoose) {
        UI ui = UI.getCurrent();
        SettingChoices<Locale> choice = new SettingChoices<>(ui.getTranslation("language.label"),
                List.of(Translations.CHINESE, Translations.ENGLISH), Translations.supported(current),
                locale -> locale == Translations.ENGLISH ? "English" : "中文", onChoose);
        choice.addClassName("ydk-language-choice");
        return choice;
    }

    /** The session, this device and the page all take the language; the page reloads to show it everywhere. */
    static void switchLanguage(UI ui, Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        DeviceSettings.rememberLanguage(ui, locale);
        ui.getPage().reload();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("settings.title");
    }
}
