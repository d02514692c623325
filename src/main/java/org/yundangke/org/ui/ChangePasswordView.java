package org.yundangke.org.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.org.Accounts;

/**
 * Choosing one's own password: after a secretary's one-time password (the only page open until then), or whenever
 * the user wants. Other devices that remembered the user must log in again.
 */
@Route("password")
@PermitAll
class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

    final PasswordField current = new PasswordField();
    final PasswordField password = new PasswordField();
    final PasswordField repeated = new PasswordField();
    final Button save = new Button();
    final Paragraph done = new Paragraph();

    ChangePasswordView(Accounts accounts, AuthenticationContext authentication) {
        addClassName("ydk-page");
        current.setLabel(getTranslation("account.password.current"));
        // after a one-time password there is nothing to confirm: the member just typed it to log in
        current.setVisible(!authentication.getPrincipalName().map(accounts::mustChangePassword).orElse(false));
        password.setLabel(getTranslation("account.password.new"));
        password.setHelperText(getTranslation("account.password.help"));
        repeated.setLabel(getTranslation("account.password.repeat"));
        for (PasswordField field : new PasswordField[]{current, password, repeated}) {
            field.setWidthFull();
            field.setMaxWidth("24em");
        }
        save.setText(getTranslation("account.password.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        save.addClickListener(e -> {
            if (UserErrors.attempt(() -> accounts.changeMyPassword(current.getValue(), password.getValue(),
                    repeated.getValue()))) {
                current.clear();
                password.clear();
                repeated.clear();
                done.setText(getTranslation("account.password.changed"));
                getUI().ifPresent(ui -> ui.navigate(""));
            }
        });
        done.getElement().setAttribute("role", "status");
        add(new H2(getTranslation("account.password.title")), new Paragraph(getTranslation("account.password.intro")),
                current, password, repeated, save, done);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.password.title");
    }
}
