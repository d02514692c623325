package org.yundangke.live.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.UUID;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.Translations;
import org.yundangke.base.ui.RouteTarget;
import org.yundangke.base.ui.Toasts;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.live.LiveAttendance;
import org.yundangke.live.LiveMode;
import org.yundangke.live.LiveReminders;
import org.yundangke.live.LiveSession;
import org.yundangke.live.LiveSessions;
import org.yundangke.live.LiveState;
import org.yundangke.live.LiveTimes;
import org.yundangke.media.MediaLibrary;
import org.yundangke.media.TalkPlayer;

/**
 * One live session for a member: when in plain words, then one big way in — the meeting link (and its QR code for a
 * phone) with "我已参加", or the player while it streams in the app (nothing plays until the member presses play) —
 * and how their attendance stands. While it has not begun the page looks again every 30 seconds, so the way in
 * appears by itself.
 */
@Route("live/:sessionId")
@PermitAll
class LiveView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String SESSION_ID = "sessionId";
    static final int RECHECK_MS = 30_000;

    final Div way = new Div();
    final Paragraph standing = new Paragraph();
    final Paragraph countdown = new Paragraph();
    final Button checkIn = new Button();
    final TextField word = new TextField();
    private final LiveSessions sessions;
    private final LiveAttendance attendance;
    private final LiveReminders reminders;
    private final MediaLibrary media;
    private final Translations texts;
    private final StudyCalendar calendar;
    private LiveSession session;
    private LiveState shownState;
    private Registration polling;

    LiveView(LiveSessions sessions, LiveAttendance attendance, LiveReminders reminders, MediaLibrary media,
             Translations texts, StudyCalendar calendar) {
        this.sessions = sessions;
        this.attendance = attendance;
        this.reminders = reminders;
        this.media = media;
        this.texts = texts;
        this.calendar = calendar;
        addClassName("ydk-page");
        checkIn.setText(getTranslation("live.check-in"));
        checkIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        checkIn.addClassName("ydk-big-button");
        checkIn.setDisableOnClick(true);
        checkIn.addClickListener(e -> {
            if (UserErrors.attempt(() -> attendance.checkIn(session.id(), word.getValue()))) {
                Toasts.done("live.check-in.done");
            } else {
                checkIn.setEnabled(true); // try again, with the word spelt right
            }
            showStanding();
        });
        countdown.addClassName("ydk-card-note");
        word.setLabel(getTranslation("live.check-in.word.label"));
        word.setHelperText(getTranslation("live.check-in.word.help"));
        word.setMaxLength(50);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        session = RouteTarget.find(event, SESSION_ID, id -> sessions.open(UUID.fromString(id))).orElse(null);
        if (session == null) {
            return;
        }
        reminders.read(session.id());
        render();
    }

    private void render() {
        removeAll();
        way.removeAll();
        Instant now = calendar.now();
        shownState = session.state(now);
        add(new H2(session.title()));
        add(new Paragraph(getTranslation("live.speaker", session.speaker())));
        add(new Paragraph(LiveTimes.span(session.startsAt(), session.endsAt(), now, texts, getLocale())));
        countdown.setText(LiveTimes.countdown(session, now, texts, getLocale()));
        add(countdown);
        if (!session.summary().isBlank()) {
            add(new Paragraph(session.summary()));
        }
        way.addClassName("ydk-live-way");
        if (shownState != LiveState.CANCELLED) {
            if (session.mode() == LiveMode.LINK) {
                meetingLink();
            } else {
                inTheApp();
            }
        }
        add(way, standing);
        showStanding();
        if (CurrentUser.hasRole("SECRETARY") || CurrentUser.isAdmin() || session.createdBy().equals(CurrentUser.name())) {
            add(new RouterLink(getTranslation("live.attendance.link"), LiveAttendanceView.class,
                    new RouteParameters(SESSION_ID, session.id().toString())));
        }
        if (shownState == LiveState.UPCOMING || shownState == LiveState.LIVE) {
            Anchor ics = new Anchor("calendar/session/" + session.id() + ".ics", getTranslation("live.add-to-calendar"));
            ics.getElement().setAttribute("download", true);
            ics.getElement().setAttribute("router-ignore", true);
            ics.addClassName("ydk-big-link");
            add(ics);
        }
    }

    private void meetingLink() {
        if (shownState == LiveState.ENDED) {
            way.add(new Paragraph(getTranslation("live.link.ended")));
            return;
        }
        Anchor join = new Anchor(session.joinUrl(), getTranslation("live.link.join"), AnchorTarget.BLANK);
        join.getElement().setAttribute("rel", "noopener");
        join.addClassName("ydk-big-button");
        join.addClassName("ydk-join");
        Image qr = new Image(QrCode.dataUrl(session.joinUrl(), 240), getTranslation("live.link.qr"));
        qr.addClassName("ydk-qr");
        way.add(join, new Paragraph(getTranslation("live.link.new-window")), qr,
                new Paragraph(getTranslation("live.link.qr")));
        if (shownState == LiveState.LIVE) {
            checkIn.setEnabled(true);
            if (session.asksWord()) {
                way.add(word);
            }
            way.add(checkIn, new Paragraph(getTranslation("live.check-in.help")));
        } else {
            way.add(new Paragraph(getTranslation("live.check-in.later")));
        }
    }

    private void inTheApp() {
        if (shownState == LiveState.LIVE && session.mediaId() != null) {
            TalkPlayer player = new TalkPlayer(media, media.play(session.mediaId()))
                    .reportPresenceTo("/api/live/" + session.id() + "/presence");
            player.setWidthFull();
            way.add(player, new Paragraph(getTranslation("live.app.press-play")));
        } else if (shownState == LiveState.ENDED) {
            way.add(new Paragraph(getTranslation(session.replayLessonId() != null ? "live.app.replay"
                    : "live.app.replay-coming")));
            if (session.replayLessonId() != null) {
                Anchor replay = new Anchor("lessons/" + session.replayLessonId(), getTranslation("live.app.watch-replay"));
                replay.getElement().setAttribute("router-link", true);
                replay.addClassName("ydk-big-button");
                way.add(replay);
            }
        } else {
            way.add(new Paragraph(getTranslation("live.app.not-yet")));
        }
    }

    private void showStanding() {
        LiveAttendance.Mine mine = attendance.mine(session.id());
        standing.setText(mine.attended() != null
                ? getTranslation("live.attended." + mine.attended().name().toLowerCase())
                : session.mode() == LiveMode.APP ? getTranslation("live.attended.progress",
                        mine.presentSeconds() / 60, (mine.requiredSeconds() + 59) / 60)
                : getTranslation("live.attended.not-yet"));
        standing.addClassName("ydk-card-note");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(RECHECK_MS);
        polling = event.getUI().addPollListener(e -> {
            if (session == null) {
                return;
            }
            LiveSession now = sessions.open(session.id());
            if (now.state(calendar.now()) != shownState || !java.util.Objects.equals(now.mediaId(), session.mediaId())) {
                session = now;
                render(); // begun, ended, or the stream arrived
            } else {
                countdown.setText(LiveTimes.countdown(session, calendar.now(), texts, getLocale()));
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    @Override
    public String getPageTitle() {
        return session == null ? getTranslation("nav.live") : session.title();
    }
}
