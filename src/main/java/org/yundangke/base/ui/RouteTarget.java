package org.yundangke.base.ui;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a route parameter names (a lesson, a course, a branch), if the user may see it. An unreadable id and an id
 * outside the user's scope look the same: the friendly access-denied page, which does not say which it was.
 */
public final class RouteTarget {

    private RouteTarget() {
    }

    public static <T> Optional<T> find(BeforeEnterEvent event, String parameter, Function<String, T> lookup) {
        try {
            return Optional.of(lookup.apply(event.getRouteParameters().get(parameter).orElse("")));
        } catch (IllegalArgumentException | org.springframework.security.access.AccessDeniedException e) {
            event.rerouteToError(AccessDeniedException.class);
            return Optional.empty();
        }
    }
}
