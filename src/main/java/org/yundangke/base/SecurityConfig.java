package org.yundangke.base;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.yundangke.base.ui.LoginView;

/**
 * Form login for the Vaadin UI. Views carry {@code @RolesAllowed}/{@code @PermitAll} (Vaadin checks them on every
 * navigation); service methods carry {@code @PreAuthorize}, checked on the server whatever the UI shows. JSR-250
 * method security stays off: it would proxy the view classes, which carry the same annotations.
 */
@Configuration
@ConditionalOnWebApplication
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        // our own styles and scripts load on the login page too
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/ydk/**").permitAll()
                .requestMatchers("/api/**", "/play/**").authenticated());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
