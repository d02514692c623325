package org.yundangke.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * The app frame: side navigation built from the {@code @Menu} views the user may open (titles are i18n keys), and a
 * header that stays one compact row at every font step and width: the menu, the name, the user and one 设置 link
 * (font size, language, contrast and logout live there). Every new page opens at its top.
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    final SideNav nav = new SideNav();
    final RouterLink settings = new RouterLink(SettingsView.class);

    MainLayout(AuthenticationContext authentication, List<HeaderLink> links, MenuEntries menu) {
        setPrimarySection(Section.DRAWER);
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.toggle"));
        toggle.addClassName("ydk-header-toggle");
        Span title = new Span(getTranslation("app.name"));
        title.addClassName("ydk-app-title");
        Span user = new Span(authentication.getPrincipalName().orElse(""));
        user.addClassName("ydk-user");
        settings.add(new Icon(VaadinIcon.COG), new Span(getTranslation("settings.title")));
        settings.addClassName("ydk-settings-link");
        addToNavbar(toggle, title, user);
        links.forEach(link -> link.create().ifPresent(this::addToNavbar));
        addToNavbar(settings);

        nav.setLabel(getTranslation("nav.label"));
        menu.forCurrentUser().forEach(entry -> nav.addItem(item(entry)));
        addToDrawer(new Scroller(nav));
    }

    private SideNavItem item(MenuEntry entry) {
        String label = getTranslation(entry.title());
        return entry.icon() == null ? new SideNavItem(label, entry.path())
                : new SideNavItem(label, entry.path(), new Icon(entry.icon()));
    }

    /** A page reached from a scrolled one opens at its top, its title and first action in view. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (event.getLocationChangeEvent().getTrigger() != com.vaadin.flow.router.NavigationTrigger.HISTORY) {
            getElement().executeJs("window.scrollTo(0, 0)");
        }
    }
}
