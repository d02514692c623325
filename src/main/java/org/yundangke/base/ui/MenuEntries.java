package org.yundangke.base.ui;

import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The side navigation's entries for the one logged in, worked out once per set of roles on this node. Vaadin works
 * them out for every new screen by checking the access to every menu view, and each check looks up Spring Security's
 * role prefix through a scan of every jar for a service file (in the packaged app, every nested jar): 37 % of the CPU
 * of drawing a member's home (BENCHMARKS.md). Which views the menu offers depends only on the roles (the views say
 * which roles may open them), and the views do not change while the app runs.
 */
@Component
@ConditionalOnWebApplication
class MenuEntries {

    private final AuthenticationContext authentication;
    private final Map<Set<String>, List<MenuEntry>> byRoles = new ConcurrentHashMap<>();

    MenuEntries(AuthenticationContext authentication) {
        this.authentication = authentication;
    }

    /** The entries of the views the one logged in may open, in menu order. */
    List<MenuEntry> forCurrentUser() {
        return byRoles.computeIfAbsent(Set.copyOf(authentication.getGrantedRoles()),
                roles -> List.copyOf(MenuConfiguration.getMenuEntries()));
    }
}
