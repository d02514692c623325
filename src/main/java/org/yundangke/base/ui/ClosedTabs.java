package org.yundangke.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Frees the screens of tabs that went away without saying so. A tab closed the ordinary way tells the server at once
 * (Vaadin's unload beacon); one whose browser was killed, lost its network or was frozen by the phone just stops its
 * heartbeats, and Vaadin notices that only when another tab of the same login sends a request, which for most members
 * never comes: the screen (about 54 KB) would stay until the login times out. Here every session is looked at every
 * 20 s, and a screen without a heartbeat for three intervals (3 × 30 s, {@code vaadin.heartbeatInterval}) is closed,
 * so it is gone within two minutes. A tab that comes back later reloads its page from the address (every page can be
 * rebuilt from it), and the lesson player resumes where the server last heard it.
 */
@Component
@ConditionalOnWebApplication
class ClosedTabs implements VaadinServiceInitListener {

    /** Vaadin's own rule: a screen is gone after this many missed heartbeats. */
    static final int MISSED_HEARTBEATS = 3;

    /** Held weakly: a session whose end was never announced is not kept alive by this list. */
    private final Set<VaadinSession> sessions =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private final AtomicInteger openScreens = new AtomicInteger();

    ClosedTabs(MeterRegistry meters) {
        Gauge.builder("yundangke.screens.open", openScreens, AtomicInteger::get)
                .description("Screens (browser tabs) this node holds, as of the last sweep").register(meters);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> sessions.add(init.getSession()));
        event.getSource().addSessionDestroyListener(destroy -> sessions.remove(destroy.getSession()));
    }

    /**
     * Vaadin stamps heartbeats with {@code System.currentTimeMillis()}, so the sweep compares in that clock: this is the
     * framework's housekeeping, not study time ({@code StudyCalendar}, which tests may move, would close every screen).
     */
    @Scheduled(initialDelay = 20_000, fixedDelay = 20_000)
    void sweep() {
        sweep(Instant.ofEpochMilli(System.currentTimeMillis()));
    }

    /**
     * Closes the screens silent for too long as of {@code now}. A session another thread holds is not waited for (the
     * scheduler's one thread also follows the search index): its turn comes when the holder lets go, and its screens
     * are left out of this sweep's count.
     */
    void sweep(Instant now) {
        AtomicInteger open = new AtomicInteger();
        for (VaadinSession session : all()) {
            session.access(() -> open.addAndGet(closeSilent(session, now)));
        }
        openScreens.set(open.get());
    }

    List<VaadinSession> all() {
        synchronized (sessions) {
            return List.copyOf(sessions);
        }
    }

    /** The screens left open. */
    private static int closeSilent(VaadinSession session, Instant now) {
        Duration allowed = Duration.ofSeconds((long) MISSED_HEARTBEATS
                * session.getConfiguration().getHeartbeatInterval());
        for (UI ui : List.copyOf(session.getUIs())) {
            Instant lastHeard = Instant.ofEpochMilli(ui.getInternals().getLastHeartbeatTimestamp());
            if (lastHeard.plus(allowed).isBefore(now)) {
                ui.accessSynchronously(() -> { // as Vaadin closes one: with the UI current
                    ui.close();
                    session.removeUI(ui);
                });
            }
        }
        return session.getUIs().size();
    }
}
