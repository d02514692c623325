package org.yundangke;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.yundangke.base.Translations;

/**
 * Browserless UI tests on the whole app (Karibu): real views, services, security and demo data. No servlet filter runs
 * here, so {@link #login} also puts the user on Karibu's fake request for Vaadin's navigation access control.
 */
@SpringBootTest
@ActiveProfiles("test")
public abstract class KaribuTest {

    private static final Routes ROUTES = discoverRoutes();

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected Logins logins;

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
        // Karibu's UI takes the JVM's locale; the real session starts in Chinese (checked by the browser test)
        UI.getCurrent().setLocale(Translations.CHINESE);
        newRequest();
    }

    /**
     * Starts a new request as Spring's request-context filter does for every real one (no filter runs here): what a
     * service keeps for the length of a request, such as the caller's reach, is worked out afresh after this.
     */
    protected void newRequest() {
        Map<String, Object> attributes = new HashMap<>(); // this request's own, over Karibu's one fake request
        HttpServletRequest fake = (HttpServletRequest) VaadinServletRequest.getCurrent().getRequest();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new HttpServletRequestWrapper(fake) {
            @Override
            public Object getAttribute(String name) {
                return attributes.containsKey(name) ? attributes.get(name) : super.getAttribute(name);
            }

            @Override
            public void setAttribute(String name, Object value) {
                attributes.put(name, value);
            }

            @Override
            public void removeAttribute(String name) {
                attributes.remove(name);
            }
        }));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        RequestContextHolder.resetRequestAttributes();
        logins.logout();
    }

    /** Karibu's own scan skips package-private classes, which is what our views are. */
    @SuppressWarnings("unchecked")
    private static Routes discoverRoutes() {
        Routes routes = new Routes().autoDiscoverViews("org.yundangke");
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.yundangke")) {
            routes.getRoutes().add((Class<? extends Component>) ClassUtils.resolveClassName(
                    candidate.getBeanClassName(), KaribuTest.class.getClassLoader()));
        }
        return routes;
    }

    protected void login(String username) {
        Authentication auth = logins.as(username);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) -> auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
    }
}
