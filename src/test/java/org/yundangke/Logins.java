package org.yundangke;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Logs a demo user in for a test, with the authorities their real account has (loaded, not invented). */
@Component
public class Logins {

    private final UserDetailsService users;

    public Logins(UserDetailsService users) {
        this.users = users;
    }

    public Authentication as(String username) {
        UserDetails user = users.loadUserByUsername(username);
        Authentication auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(auth);
        return auth;
    }

    public static void logout() {
        SecurityContextHolder.clearContext();
    }
}
