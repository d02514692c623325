package org.yundangke.live.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.Translations;
import org.yundangke.base.ui.EmptyState;
import org.yundangke.base.ui.Toasts;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.live.LiveDraft;
import org.yundangke.live.LiveMode;
import org.yundangke.live.LiveReplays;
import org.yundangke.live.LiveSession;
import org.yundangke.live.LiveSessions;
import org.yundangke.live.LiveState;
import org.yundangke.live.LiveTimes;
import org.springframework.data.domain.PageRequest;
import org.yundangke.media.MediaInfo;
import org.yundangke.media.MediaLibrary;
import org.yundangke.media.MediaState;
import org.yundangke.org.CommitteeInfo;
import org.yundangke.org.OrgDirectory;
import org.yundangke.base.ui.DateFields;

/**
 * 直播安排 for lecturers and admins: schedule a session (by meeting link, the default, or streamed into the app), then
 * each of their sessions as a card: when, for whom, the streaming address and key of an in-app one, and 取消 (asked
 * first).
 */
@Route("manage/live")
@Menu(order = 25, icon = "vaadin:presentation", title = "nav.live.manage")
@RolesAllowed({"LECTURER", "ADMIN"})
class LiveManageView extends VerticalLayout implements HasDynamicTitle {

    static final int DEFAULT_PERCENT = 60;

    final TextField title = new TextField();
    final TextField speaker = new TextField();
    final TextArea summary = new TextArea();
    final DatePicker day = DateFields.accepting(new DatePicker());
    final TimePicker start = new TimePicker();
    final TimePicker end = new TimePicker();
    final RadioButtonGroup<LiveMode> mode = new RadioButtonGroup<>();
    final TextField joinUrl = new TextField();
    final TextField checkWord = new TextField();
    final IntegerField percent = new IntegerField();
    final MultiSelectComboBox<CommitteeInfo> audience = new MultiSelectComboBox<>();
    final Button schedule = new Button();
    final Div sessionCards = new Div();
    private final LiveSessions sessions;
    private final Translations texts;
    private final StudyCalendar calendar;

    private final LiveReplays replays;
    private final MediaLibrary media;

    LiveManageView(LiveSessions sessions, LiveReplays replays, MediaLibrary media, OrgDirectory directory,
                   Translations texts, StudyCalendar calendar) {
        this.sessions = sessions;
        this.replays = replays;
        this.media = media;
        this.texts = texts;
        this.calendar = calendar;
        addClassName("ydk-page");
        title.setLabel(getTranslation("live.form.title"));
        title.setMaxLength(200);
        speaker.setLabel(getTranslation("live.form.speaker"));
        speaker.setMaxLength(100);
        summary.setLabel(getTranslation("live.form.summary"));
        summary.setMaxLength(2000);
        day.setLabel(getTranslation("live.form.day"));
        day.setMin(calendar.today());
        start.setLabel(getTranslation("live.form.start"));
        start.setStep(Duration.ofMinutes(15));
        end.setLabel(getTranslation("live.form.end"));
        end.setStep(Duration.ofMinutes(15));
        mode.setLabel(getTranslation("live.form.mode"));
        mode.setItems(LiveMode.LINK, LiveMode.APP);
        mode.setItemLabelGenerator(m -> getTranslation("live.form.mode." + m.name().toLowerCase()));
        mode.setValue(LiveMode.LINK);
        mode.addValueChangeListener(e -> {
            joinUrl.setVisible(e.getValue() == LiveMode.LINK);
            checkWord.setVisible(e.getValue() == LiveMode.LINK);
        });
        checkWord.setLabel(getTranslation("live.form.word"));
        checkWord.setHelperText(getTranslation("live.form.word.help"));
        checkWord.setMaxLength(50);
        joinUrl.setLabel(getTranslation("live.form.url"));
        joinUrl.setHelperText(getTranslation("live.form.url.help"));
        joinUrl.setMaxLength(1000);
        percent.setLabel(getTranslation("live.form.percent"));
        percent.setHelperText(getTranslation("live.form.percent.help"));
        percent.setMin(1);
        percent.setMax(100);
        percent.setValue(DEFAULT_PERCENT);
        percent.setSuffixComponent(new Span("%"));
        List<CommitteeInfo> committees = CurrentUser.isAdmin() ? directory.committeesInScope() : List.of();
        audience.setLabel(getTranslation("live.form.audience"));
        audience.setHelperText(getTranslation("live.form.audience.help"));
        audience.setItems(committees);
        audience.setItemLabelGenerator(CommitteeInfo::name);
        audience.setVisible(!committees.isEmpty());
        schedule.setText(getTranslation("live.form.schedule"));
        schedule.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        schedule.setDisableOnClick(true);
        schedule.addClickListener(e -> {
            try {
                schedule();
            } finally {
                schedule.setEnabled(true);
            }
        });
        FormLayout form = new FormLayout(title, speaker, summary, day, start, end, mode, joinUrl, checkWord, percent,
                audience);
        form.setColspan(summary, 2);
        form.setColspan(mode, 2);
        form.setColspan(joinUrl, 2);
        form.setColspan(audience, 2);
        sessionCards.addClassName("ydk-cards");
        add(new H2(getTranslation("nav.live.manage")), new Paragraph(getTranslation("live.manage.hint")), form,
                schedule, new H3(getTranslation("live.manage.mine")), sessionCards);
        refresh();
    }

    private void schedule() {
        if (day.getValue() == null || start.getValue() == null || end.getValue() == null) {
            Toasts.problem("live.form.time-missing");
            return;
        }
        Instant starts = day.getValue().atTime(start.getValue()).atZone(StudyCalendar.ZONE).toInstant();
        Instant ends = day.getValue().atTime(end.getValue()).atZone(StudyCalendar.ZONE).toInstant();
        Set<Long> committees = audience.getValue().stream().map(CommitteeInfo::id).collect(Collectors.toSet());
        LiveDraft draft = new LiveDraft(title.getValue(), speaker.getValue(), summary.getValue(), starts, ends,
                mode.getValue(), joinUrl.getValue(), percent.getValue() == null ? 0 : percent.getValue(), committees,
                checkWord.getValue());
        if (UserErrors.attemptGet(() -> sessions.schedule(draft)).isPresent()) {
            Toasts.done("live.form.done");
            title.clear();
            summary.clear();
            joinUrl.clear();
            checkWord.clear();
            refresh();
        }
    }

    private void refresh() {
        sessionCards.removeAll();
        List<LiveSession> mine = sessions.mine();
        if (mine.isEmpty()) {
            sessionCards.add(new EmptyState(getTranslation("live.manage.empty.title"),
                    getTranslation("live.manage.empty.text")));
        }
        Instant now = calendar.now();
        mine.forEach(s -> sessionCards.add(card(s, now)));
    }

    private Div card(LiveSession session, Instant now) {
        RouterLink open = new RouterLink(session.title(), LiveView.class,
                new RouteParameters(LiveView.SESSION_ID, session.id().toString()));
        open.addClassName("ydk-card-title");
        Div card = new Div(open, new Span(LiveTimes.span(session.startsAt(), session.endsAt(), now, texts, getLocale())),
                new Span(getTranslation("live.mode." + session.mode().name().toLowerCase()) + " · "
                        + getTranslation("live.manage.percent", session.attendPercent())),
                note(LiveTimes.countdown(session, now, texts, getLocale())));
        card.addClassName("ydk-card");
        if (session.mode() == LiveMode.APP && session.state(now) != LiveState.CANCELLED
                && session.state(now) != LiveState.ENDED) {
            LiveSessions.Ingest ingest = sessions.ingest(session.id());
            TextField server = new TextField(getTranslation("live.manage.server"));
            server.setValue(ingest.serverUrl());
            server.setReadOnly(true);
            server.setWidthFull();
            PasswordField key = new PasswordField(getTranslation("live.manage.key"));
            key.setValue(ingest.streamKey());
            key.setReadOnly(true);
            key.setWidthFull();
            PasswordField srt = new PasswordField(getTranslation("live.manage.srt"));
            srt.setValue(ingest.srtUrl());
            srt.setReadOnly(true);
            srt.setWidthFull();
            card.add(server, key, new Paragraph(getTranslation("live.manage.obs")), srt);
        }
        if (session.mode() == LiveMode.LINK && session.state(now) == LiveState.ENDED && session.replayLessonId() == null) {
            card.add(replayChoice(session));
        }
        if (session.state(now) != LiveState.UPCOMING && !session.cancelled()) {
            card.add(new RouterLink(getTranslation("live.attendance.link"), LiveAttendanceView.class,
                    new RouteParameters(LiveView.SESSION_ID, session.id().toString())));
        }
        if (session.state(now) == LiveState.UPCOMING || session.state(now) == LiveState.LIVE) {
            Button cancel = new Button(getTranslation("live.manage.cancel"), e -> confirmCancel(session));
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            card.add(cancel);
        }
        return card;
    }

    /** A meeting-link session's recording: one of the author's ready talks (uploaded under 讲座视频) as its replay. */
    private Div replayChoice(LiveSession session) {
        ComboBox<MediaInfo> talk = new ComboBox<>(getTranslation("live.replay.talk"));
        talk.setItems(media.list(PageRequest.of(0, 100)).stream().filter(m -> m.state() == MediaState.READY).toList());
        talk.setItemLabelGenerator(MediaInfo::title);
        talk.setHelperText(getTranslation("live.replay.talk.help"));
        talk.setWidthFull();
        Button attach = new Button(getTranslation("live.replay.attach"), e -> {
            if (talk.getValue() != null && UserErrors.attemptGet(() -> replays.attach(session.id(),
                    talk.getValue().id())).isPresent()) {
                Toasts.done("live.replay.done");
                refresh();
            }
        });
        return new Div(talk, attach);
    }

    private static Span note(String text) {
        Span note = new Span(text);
        note.addClassName("ydk-card-note");
        return note;
    }

    private void confirmCancel(LiveSession session) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("live.manage.cancel.title"),
                getTranslation("live.manage.cancel.text", session.title()), getTranslation("live.manage.cancel"),
                e -> {
                    sessions.cancel(session.id());
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("live.manage.keep"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.live.manage");
    }
}
