package org.yundangke.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.menu.MenuEntry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.yundangke.KaribuTest;

/**
 * The menu is worked out once per set of roles: a second login with the same roles gets the same entries without
 * Vaadin checking every view again, and other roles get their own (each role's menu: {@code NavigationTest}).
 */
class MenuEntriesTest extends KaribuTest {

    @Autowired
    MenuEntries menu;

    @Test
    void logins_with_the_same_roles_share_one_worked_out_menu_and_other_roles_get_their_own() {
        login("admin");
        List<MenuEntry> admin = menu.forCurrentUser();
        login("county");
        assertThat(menu.forCurrentUser()).as("the same roles: the same entries, not worked out again")
                .isSameAs(admin);

        login("member");
        List<MenuEntry> member = menu.forCurrentUser();
        assertThat(paths(member)).contains("/member").doesNotContain("/overview");
        assertThat(paths(admin)).contains("/overview").doesNotContain("/member");
        login("secretary");
        assertThat(menu.forCurrentUser()).isNotSameAs(member).containsAll(member);
    }

    private static List<String> paths(List<MenuEntry> entries) {
        return entries.stream().map(MenuEntry::path).toList();
    }
}
