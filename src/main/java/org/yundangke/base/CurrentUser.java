package org.yundangke.base;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling a service, for the checks the services make themselves (beyond their {@code @PreAuthorize}). */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The logged-in user's name; refuses when nobody is logged in. */
    public static String name() {
        return authentication().getName();
    }

    public static boolean isAdmin() {
        return hasRole("ADMIN");
    }

    /** Whether the logged-in user has the role ("SECRETARY", not "ROLE_SECRETARY"). */
    public static boolean hasRole(String role) {
        return authentication().getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }

    private static Authentication authentication() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new AccessDeniedException("not logged in");
        }
        return auth;
    }
}
