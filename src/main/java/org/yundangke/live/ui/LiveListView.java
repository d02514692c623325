package org.yundangke.live.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.List;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.Translations;
import org.yundangke.base.ui.EmptyState;
import org.yundangke.live.LiveCalendar;
import org.yundangke.live.LiveReminders;
import org.yundangke.live.LiveSession;
import org.yundangke.live.LiveSessions;
import org.yundangke.live.LiveState;
import org.yundangke.live.LiveTimes;

/**
 * 直播: the member's reminders, the sessions to come (each card one link to its page), the past ones, and how to have
 * them in the phone's own calendar.
 */
@Route("live")
@Menu(order = 1.7, icon = "vaadin:presentation", title = "nav.live")
@RolesAllowed("MEMBER")
class LiveListView extends VerticalLayout implements HasDynamicTitle {

    static final int SHOWN = 20;

    final Div upcoming = new Div();
    final Div past = new Div();
    final Div notices = new Div();
    final TextField feed = new TextField();

    LiveListView(LiveSessions sessions, LiveReminders reminders, LiveCalendar calendarFeed, Translations texts,
                 StudyCalendar calendar) {
        addClassName("ydk-page");
        add(new H2(getTranslation("nav.live")));
        Instant now = calendar.now();
        List<LiveReminders.Notice> unread = reminders.unread();
        notices.addClassName("ydk-notices");
        unread.forEach(n -> notices.add(new Paragraph(getTranslation("live.notice." + n.kind().toLowerCase(),
                n.title(), LiveTimes.when(n.startsAt(), now, texts, getLocale())))));
        if (!unread.isEmpty()) {
            notices.getElement().setAttribute("role", "status");
            add(notices);
        }

        upcoming.addClassName("ydk-cards");
        List<LiveSession> coming = sessions.upcomingForMe(SHOWN);
        coming.forEach(s -> upcoming.add(card(s, now, texts)));
        add(new Section(new H3(getTranslation("live.upcoming")), coming.isEmpty()
                ? new EmptyState(getTranslation("live.upcoming.empty.title"), getTranslation("live.upcoming.empty.text"))
                : upcoming));

        List<LiveSession> ended = sessions.pastForMe(SHOWN);
        if (!ended.isEmpty()) {
            past.addClassName("ydk-cards");
            ended.forEach(s -> past.add(card(s, now, texts)));
            add(new Section(new H3(getTranslation("live.past")), past));
        }
        add(calendarSection(calendarFeed));
    }

    private RouterLink card(LiveSession session, Instant now, Translations texts) {
        Span title = new Span(session.title());
        title.addClassName("ydk-card-title");
        Span when = new Span(LiveTimes.when(session.startsAt(), now, texts, getLocale()) + " · "
                + getTranslation("live.mode." + session.mode().name().toLowerCase()));
        Span state = new Span(LiveTimes.countdown(session, now, texts, getLocale()));
        state.addClassName("ydk-card-note");
        RouterLink card = new RouterLink(LiveView.class, new RouteParameters(LiveView.SESSION_ID, session.id().toString()));
        card.add(title, new Span(getTranslation("live.speaker", session.speaker())), when, state);
        card.addClassName("ydk-card");
        card.addClassName("ydk-card-link");
        if (session.state(now) == LiveState.LIVE) {
            card.addClassName("ydk-card-now");
        }
        return card;
    }

    private Section calendarSection(LiveCalendar calendarFeed) {
        String url = feedUrl(calendarFeed.feedToken());
        feed.setLabel(getTranslation("live.feed.address"));
        feed.setReadOnly(true);
        feed.setValue(url);
        feed.setWidthFull();
        Anchor subscribe = new Anchor();
        subscribe.setText(getTranslation("live.feed.subscribe"));
        // webcal: hands the address to the phone's calendar app; it is our own address, made just above
        subscribe.setUnsafeHref(url.replaceFirst("^https?://", "webcal://"));
        subscribe.getElement().setAttribute("router-ignore", true);
        subscribe.addClassName("ydk-big-link");
        Button renew = new Button(getTranslation("live.feed.renew"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("live.feed.renew.title"),
                    getTranslation("live.feed.renew.text"), getTranslation("live.feed.renew"),
                    ok -> {
                        String renewed = feedUrl(calendarFeed.renewFeedToken());
                        feed.setValue(renewed);
                        subscribe.setUnsafeHref(renewed.replaceFirst("^https?://", "webcal://"));
                    });
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.open();
        });
        return new Section(new H3(getTranslation("live.feed")), new Paragraph(getTranslation("live.feed.help")),
                subscribe, feed, renew);
    }

    /** The feed's full address on the host the member reached the app by. */
    private static String feedUrl(String token) {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        String url = request.getRequestURL().toString();
        int path = url.indexOf('/', url.indexOf("//") + 2);
        return (path < 0 ? url : url.substring(0, path)) + request.getContextPath() + "/calendar/feed/" + token + ".ics";
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.live");
    }
}
