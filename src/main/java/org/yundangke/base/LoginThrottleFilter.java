package org.yundangke.base;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login attempt before its password is checked while {@link LoginThrottle} says wait, and sends the browser
 * back to the login page saying how long. Runs after the CSRF check, so forged posts are not counted.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    static final String LOGIN = "/login";

    private final RequestMatcher loginPost = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, LOGIN);
    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (loginPost.matches(request)) {
            String username = Optional.ofNullable(request.getParameter("username")).orElse("");
            Optional<LoginThrottle.Refusal> refusal = throttle.admit(username, request.getRemoteAddr());
            if (refusal.isPresent()) {
                String reason = switch (refusal.get().reason()) {
                    case TOO_SOON -> "wait";
                    case ACCOUNT_BLOCKED -> "blocked";
                    case ADDRESS_BLOCKED -> "busy";
                };
                response.sendRedirect(request.getContextPath() + LOGIN + "?error=" + reason + "&wait="
                        + refusal.get().waitFor());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
