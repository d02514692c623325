package org.yundangke.org.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.yundangke.org.OrgDirectory;
import org.yundangke.org.Role;

/** The address after login: sends each user to the home of their most responsible role. */
@Route("")
@PermitAll
class HomeRedirect extends Div implements BeforeEnterObserver {

    private final OrgDirectory directory;

    HomeRedirect(OrgDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(homeOf(directory.currentActor().homeRole()));
    }

    static Class<? extends com.vaadin.flow.component.Component> homeOf(Role role) {
        return switch (role) {
            case ADMIN -> AdminHomeView.class;
            case SECRETARY -> SecretaryHomeView.class;
            case LECTURER -> LecturerHomeView.class;
            case MEMBER -> MemberHomeView.class;
        };
    }
}
