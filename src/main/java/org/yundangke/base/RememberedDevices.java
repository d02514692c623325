package org.yundangke.base;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.authentication.rememberme.JdbcTokenRepositoryImpl;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;

/**
 * "Remember me on this device": Spring Security's persistent tokens in the app's database (table persistent_logins),
 * so any node recognises a device and a password change or reset can forget all of a user's devices. Defined outside
 * the web configuration: a worker node resets no passwords but starts the same services.
 */
@Configuration
class RememberedDevices {

    /** The sessions users logged in with, so that a password reset can end them (see {@link SignedIn}). */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    PersistentTokenRepository persistentTokenRepository(DataSource dataSource) {
        JdbcTokenRepositoryImpl tokens = new JdbcTokenRepositoryImpl();
        tokens.setDataSource(dataSource);
        return tokens;
    }
}
