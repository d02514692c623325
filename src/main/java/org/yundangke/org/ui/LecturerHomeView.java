package org.yundangke.org.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.yundangke.base.ui.EmptyState;
import org.yundangke.org.OrgDirectory;

/** A lecturer's home: their talks (none yet). */
@Route("lecturer")
@Menu(order = 20, icon = "vaadin:microphone", title = "nav.lecturer.home")
@RolesAllowed("LECTURER")
class LecturerHomeView extends VerticalLayout implements HasDynamicTitle {

    LecturerHomeView(OrgDirectory directory) {
        addClassName("ydk-page");
        // the media library lives in the media module; a plain link keeps org free of it
        Anchor toLibrary = new Anchor("media", getTranslation("lecturer.home.go-upload"));
        toLibrary.addClassName("ydk-big-link");
        add(new H2(getTranslation("lecturer.home.greeting", directory.currentActor().displayName())),
                new EmptyState(getTranslation("lecturer.home.empty.title"), getTranslation("lecturer.home.empty.text")),
                toLibrary);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.lecturer.home");
    }
}
