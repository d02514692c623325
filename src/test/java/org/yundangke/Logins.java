package org.yundangke;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Logs a demo user in for a test, with the authorities their real account has (loaded, not invented). It goes through
 * this Spring context's own security-context strategy: with several cached test contexts in one JVM, the static
 * holder may point at another context's strategy (Vaadin installs one per context).
 */
@Component
public class Logins {

    private final UserDetailsService users;
    private final SecurityContextHolderStrategy strategy;

    public Logins(UserDetailsService users, ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.users = users;
        this.strategy = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    public Authentication as(String username) {
        UserDetails user = users.loadUserByUsername(username);
        Authentication auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        SecurityContextHolder.setContextHolderStrategy(strategy);
        strategy.getContext().setAuthentication(auth);
        return auth;
    }

    public void logout() {
        strategy.clearContext();
        SecurityContextHolder.clearContext();
    }
}
