package org.yundangke.branch.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import java.util.Optional;
import org.yundangke.base.ui.HeaderLink;
import org.yundangke.branch.Notices;
import org.yundangke.org.OrgDirectory;

/**
 * The bell in the header for a member: a link to 消息 with the number of unread notices, read after every
 * navigation (one count query a page).
 */
@org.springframework.stereotype.Component
class NoticeBell implements HeaderLink {

    private final Notices notices;
    private final OrgDirectory directory;

    NoticeBell(Notices notices, OrgDirectory directory) {
        this.notices = notices;
        this.directory = directory;
    }

    @Override
    public Optional<Component> create() {
        if (directory.currentActor().memberId() == null) {
            return Optional.empty();
        }
        Anchor bell = new Anchor("notices");
        bell.getElement().setAttribute("router-link", true);
        bell.addClassName("ydk-bell");
        Span count = new Span();
        count.addClassName("ydk-bell-count");
        bell.add(new Icon(VaadinIcon.BELL), count);
        bell.addAttachListener(attach -> { // the first navigation's event comes after the layout is attached
            Registration after = attach.getUI().addAfterNavigationListener(e -> show(bell, count));
            bell.addDetachListener(detach -> {
                after.remove();
                detach.unregisterListener();
            });
        });
        return Optional.of(bell);
    }

    private void show(Anchor bell, Span count) {
        int unread = notices.unread();
        count.setText(unread == 0 ? "" : String.valueOf(unread));
        count.setVisible(unread > 0);
        bell.getElement().setAttribute("aria-label", unread == 0 ? bell.getTranslation("notice.bell.none")
                : bell.getTranslation("notice.bell.unread", unread));
        bell.getElement().setAttribute("title", bell.getElement().getAttribute("aria-label"));
    }
}
