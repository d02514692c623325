package org.yundangke.base.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.yundangke.base.DisplayPreferences;

/**
 * The app frame: side navigation built from the {@code @Menu} views the user may open (titles are i18n keys), and a
 * top bar with font size, language and logout.
 */
@Layout
@PermitAll
public final class MainLayout extends AppLayout {

    final SideNav nav = new SideNav();
    final FontSizeControl fontSize;
    final Button logout = new Button();

    MainLayout(AuthenticationContext authentication, DisplayPreferences preferences) {
        String username = authentication.getPrincipalName().orElse("");
        fontSize = new FontSizeControl(preferences.fontStep(username), step -> preferences.saveFontStep(username, step));
        setPrimarySection(Section.DRAWER);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.toggle"));
        Span title = new Span(getTranslation("app.name"));
        title.addClassName("ydk-app-title");
        logout.setText(getTranslation("nav.logout"));
        logout.setIcon(new Icon(VaadinIcon.SIGN_OUT));
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.addClassName("ydk-logout");
        logout.setAriaLabel(getTranslation("nav.logout"));
        logout.addClickListener(e -> authentication.logout());
        Span user = new Span(username);
        user.addClassName("ydk-user");
        HorizontalLayout tools = new HorizontalLayout(fontSize,
                new LanguageSwitch(locale -> preferences.saveLocale(username, locale)), user, logout);
        tools.addClassName("ydk-tools");
        tools.setAlignItems(HorizontalLayout.Alignment.CENTER);
        tools.setWrap(true);
        addToNavbar(toggle, title, tools);

        nav.setLabel(getTranslation("nav.label"));
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
        addToDrawer(new Scroller(nav));
    }

    private SideNavItem item(MenuEntry entry) {
        String label = getTranslation(entry.title());
        return entry.icon() == null ? new SideNavItem(label, entry.path())
                : new SideNavItem(label, entry.path(), new Icon(entry.icon()));
    }
}
