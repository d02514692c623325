package org.yundangke.base;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Where a user is signed in: their remembered devices (persistent tokens) and the sessions they logged in with. A
 * password reset ends them all; a password change all but the one it was made in. An ended session is sent to the
 * login page on its next request, on whichever node it lives (the registry is per node: with several nodes a session
 * on another node runs on until it ends; the remembered devices are shared).
 */
@Service
public class SignedIn {

    private final PersistentTokenRepository rememberedDevices;
    private final SessionRegistry sessions;

    SignedIn(PersistentTokenRepository rememberedDevices, SessionRegistry sessions) {
        this.rememberedDevices = rememberedDevices;
        this.sessions = sessions;
    }

    public void endEverywhere(String username) {
        end(username, null);
    }

    public void endElsewhere(String username) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        end(username, request == null ? null : request.getSessionId());
    }

    private void end(String username, @Nullable String keptSessionId) {
        rememberedDevices.removeUserTokens(username);
        sessions.getAllPrincipals().stream()
                .filter(p -> p instanceof UserDetails user && user.getUsername().equals(username))
                .flatMap(p -> sessions.getAllSessions(p, false).stream())
                .filter(s -> !Objects.equals(s.getSessionId(), keptSessionId))
                .forEach(SessionInformation::expireNow);
    }
}
