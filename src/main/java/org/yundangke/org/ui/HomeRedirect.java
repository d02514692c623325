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

    /** Route of each role's home; a member's home (their lessons) lives in the catalogue module. */
    static String homeOf(Role role) {
        return switch (role) {
            case ADMIN -> "admin";
            case SECRETARY -> "secretary";
            case LECTURER -> "lecturer";
            case MEMBER -> "member";
        };
    }
}
