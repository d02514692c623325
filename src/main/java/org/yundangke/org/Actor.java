package org.yundangke.org;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The logged-in user as the rest of the app sees them: who, which roles, and where they belong or lead. */
public record Actor(String username, String displayName, Set<Role> roles, @Nullable Long memberId,
                    @Nullable Long committeeId, Set<Long> ledBranchIds) {

    /** Which home a user lands on: the most responsible of their roles. */
    private static final List<Role> HOME_PRIORITY = List.of(Role.ADMIN, Role.SECRETARY, Role.LECTURER, Role.MEMBER);

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Role homeRole() {
        return HOME_PRIORITY.stream().filter(roles::contains).findFirst().orElse(Role.MEMBER);
    }
}
