package org.yundangke.base;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.servlet.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
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

    /**
     * What a page may load: only this app's own scripts, styles, pictures, media and connections. Vaadin's client
     * needs inline scripts and styles and evaluates the code its server sends, hence 'unsafe-inline' and
     * 'unsafe-eval'; hls.js plays through blob: URLs. Article HTML is cleaned on the server as well.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "media-src 'self' blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'");
    static final String REMEMBER_ME = "remember-me";
    static final Duration REMEMBERED_FOR = Duration.ofDays(30);

    /**
     * Health and metrics answer on the management port only (never the users' port), to the proxy's checks and to
     * Prometheus without a login; that port is not published outside the deployment's network.
     */
    @Bean
    @Order(1)
    SecurityFilterChain managementFilterChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable()).build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil vaadinRequests, LoginThrottle throttle,
                                            PersistentTokenRepository rememberedDevices, UserDetailsService users,
                                            SessionRegistry sessions) throws Exception {
        // our own styles and scripts load on the login page too; the error answer must reach everyone
        // a calendar feed is read by calendar apps, which cannot log in: its secret token is the key
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/ydk/**", "/error", "/calendar/feed/**").permitAll()
                .requestMatchers("/api/**", "/play/**", "/calendar/**", "/dashboard/**", "/sse/**").authenticated());
        // written before the request runs: the headers written at commit never reached Vaadin's pages
        http.headers(headers -> headers.withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                })
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frames -> frames.sameOrigin()));
        // Vaadin's own CSRF set-up also exempts the login post (login CSRF): keep only its internal requests exempt;
        // the login form sends the token from the page's meta tags
        // JobRunr's dashboard (committee.JobsDashboard, province administrators) cannot send the token with its changes
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest)
                .ignoringRequestMatchers("/api/jobs/**", "/api/recurring-jobs/**", "/api/problems/**"));
        http.rememberMe(remember -> remember.tokenRepository(rememberedDevices).userDetailsService(users)
                .rememberMeParameter(REMEMBER_ME).rememberMeCookieName(REMEMBER_ME)
                .tokenValiditySeconds((int) REMEMBERED_FOR.toSeconds()));
        http.addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        // every login's session is known, so that a password reset can end it (any number per user)
        http.sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessions)
                .expiredUrl(LoginThrottleFilter.LOGIN));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                .enableCsrfConfiguration(false)).build();
    }

    /** Tells the session registry when a session ends. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /** The remembered-device cookie is not sent along by other sites' forms either. */
    @Bean
    CookieSameSiteSupplier rememberMeSameSite() {
        return CookieSameSiteSupplier.ofLax().whenHasName(REMEMBER_ME);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
