package org.yundangke.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.shared.SlotUtils;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.yundangke.base.FontStep;
import org.yundangke.base.LoginThrottle;

/**
 * Username and password, large, with the font size as four choices above and the language below; errors in plain
 * words with what to do next.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    final LoginForm form = new LoginForm();
    /** Posted with the form as {@code remember-me=on} (the login form sends named fields of its custom area). */
    final Checkbox remember = new Checkbox();
    /** The four font steps to choose from, before anyone logs in: the page grows at once and the device remembers. */
    final SettingChoices<FontStep> stepChoice;

    LoginView() {
        addClassName("ydk-login");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(loginI18n(null, 0));
        remember.setLabel(getTranslation("login.remember"));
        remember.setHelperText(getTranslation("login.remember.help"));
        remember.getElement().setAttribute("name", "remember-me");
        SlotUtils.addToSlot(form, "custom-form-area", remember);
        UI ui = UI.getCurrent();
        DeviceSettings device = DeviceSettings.of(VaadinRequest.getCurrent());
        stepChoice = SettingsView.fontStepChoice(device.step().orElse(FontStep.STANDARD),
                step -> DeviceSettings.applyFontStep(ui, step));
        add(stepChoice, new H1(getTranslation("app.name")), new Paragraph(getTranslation("login.intro")), form,
                SettingsView.languageChoice(ui.getLocale(), locale -> SettingsView.switchLanguage(ui, locale)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        if (!query.getParameters().containsKey("error")) {
            form.setError(false);
            return;
        }
        String reason = query.getSingleParameter("error").orElse("");
        long wait = query.getSingleParameter("wait").map(LoginView::number).orElse(0L);
        form.setI18n(loginI18n(List.of("blocked", "wait", "busy").contains(reason) ? reason : null, wait));
        form.setError(true);
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }

    /** The form's texts; after too many wrong passwords the error says how long to wait and who can help. */
    private LoginI18n loginI18n(@Nullable String throttled, long wait) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        if (throttled == null) {
            i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        } else {
            i18n.getErrorMessage().setTitle(getTranslation("login.error." + throttled + ".title"));
            i18n.getErrorMessage().setMessage(getTranslation("login.error." + throttled, LoginThrottle.ACCOUNT_LIMIT,
                    wait));
        }
        i18n.getErrorMessage().setUsername(getTranslation("login.error.username-required"));
        i18n.getErrorMessage().setPassword(getTranslation("login.error.password-required"));
        return i18n;
    }
}
