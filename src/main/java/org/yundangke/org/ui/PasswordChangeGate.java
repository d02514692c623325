package org.yundangke.org.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Objects;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.yundangke.base.ui.LoginView;
import org.yundangke.org.Accounts;

/**
 * Someone who logged in with a one-time password sees only {@link ChangePasswordView} until they chose their own.
 * Once a session's user is known to have their own password, it is not asked again in that session.
 */
@Component
@ConditionalOnWebApplication
class PasswordChangeGate implements VaadinServiceInitListener {

    private static final String CHECKED = PasswordChangeGate.class.getName() + ".checked";

    private final AuthenticationContext authentication;
    private final Accounts accounts;

    PasswordChangeGate(AuthenticationContext authentication, Accounts accounts) {
        this.authentication = authentication;
        this.accounts = accounts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter -> {
            Class<?> target = enter.getNavigationTarget();
            if (target == ChangePasswordView.class || target == LoginView.class) {
                return;
            }
            authentication.getPrincipalName().ifPresent(username -> {
                VaadinSession session = VaadinSession.getCurrent();
                if (Objects.equals(session.getAttribute(CHECKED), username)) {
                    return;
                }
                if (accounts.mustChangePassword(username)) {
                    enter.forwardTo(ChangePasswordView.class);
                } else {
                    session.setAttribute(CHECKED, username);
                }
            });
        }));
    }
}
