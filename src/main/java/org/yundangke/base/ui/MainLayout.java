package org.yundangke.base.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.dependency.Uses;
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
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The app frame: side navigation built from the {@code @Menu} views the user may open (titles are i18n keys), and a
 * header that stays one compact row at every font step and width: the menu, the name, the user and one 设置 link
 * (font size, language, contrast and logout live there). Every new page opens at its top.
 *
 * <p>The side navigation is written as the elements Vaadin's {@link SideNav} would make, but sent as one piece of
 * HTML: the browser's side-navigation elements link, mark the current page and are read out just the same, while the
 * server keeps one node for it instead of about 25 (each item, its label and its icon are nodes of their own, and a
 * member's session holds the layout for as long as the tab is open).
 */
@Layout
@PermitAll
@Uses(SideNav.class)
@Uses(SideNavItem.class)
public final class MainLayout extends AppLayout implements AfterNavigationObserver {

    final Html nav;
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

        nav = sideNav(menu.forCurrentUser());
        addToDrawer(new Scroller(nav));
    }

    /** {@code <vaadin-side-nav>} with a label and an item (icon, words, path) per entry; the words escaped by jsoup. */
    private Html sideNav(List<MenuEntry> entries) {
        Document page = Jsoup.parseBodyFragment("");
        page.outputSettings().prettyPrint(false);
        Element nav = page.body().appendElement("vaadin-side-nav");
        nav.appendElement("span").attr("slot", "label").text(getTranslation("nav.label"));
        for (MenuEntry entry : entries) {
            Element item = nav.appendElement("vaadin-side-nav-item").attr("path", entry.path().replaceFirst("^/", ""));
            if (entry.icon() != null) {
                item.appendElement("vaadin-icon").attr("icon", entry.icon()).attr("slot", "prefix");
            }
            item.appendText(getTranslation(entry.title()));
        }
        return new Html(nav.outerHtml());
    }

    /** A page reached from a scrolled one opens at its top, its title and first action in view. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        if (event.getLocationChangeEvent().getTrigger() != com.vaadin.flow.router.NavigationTrigger.HISTORY) {
            getElement().executeJs("window.scrollTo(0, 0)");
        }
    }
}
