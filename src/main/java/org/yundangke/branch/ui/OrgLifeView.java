package org.yundangke.branch.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.ui.DateFields;
import org.yundangke.base.ui.EmptyState;
import org.yundangke.base.ui.RouteTarget;
import org.yundangke.base.ui.Toasts;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.branch.OrgLife;
import org.yundangke.org.BranchInfo;
import org.yundangke.org.OrgDirectory;

/**
 * 组织生活: the branch's 三会一课 and 主题党日, the latest first, each a whole card that opens its attendance; and the
 * form to schedule one (kind, day, time, place, meeting link, topic).
 */
@Route("branches/:branchId/events")
@RolesAllowed({"SECRETARY", "ADMIN"})
class OrgLifeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String BRANCH_ID = "branchId";

    final H2 title = new H2();
    final Div cards = new Div();
    final Select<OrgLife.Kind> kind = new Select<>();
    final DatePicker day = DateFields.accepting(new DatePicker());
    final TimePicker time = new TimePicker();
    final TextField place = new TextField();
    final TextField link = new TextField();
    final TextField topic = new TextField();
    final Button schedule = new Button();
    private final OrgLife orgLife;
    private final OrgDirectory directory;
    private final StudyCalendar calendar;
    private long branchId;

    OrgLifeView(OrgLife orgLife, OrgDirectory directory, StudyCalendar calendar) {
        this.orgLife = orgLife;
        this.directory = directory;
        this.calendar = calendar;
        addClassName("ydk-page");
        cards.addClassName("ydk-cards");
        kind.setLabel(getTranslation("event.kind"));
        kind.setItems(OrgLife.Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("event.kind." + k));
        kind.setValue(OrgLife.Kind.BRANCH_MEETING);
        day.setLabel(getTranslation("event.day"));
        time.setLabel(getTranslation("event.time"));
        time.setStep(java.time.Duration.ofMinutes(30));
        place.setLabel(getTranslation("event.place"));
        place.setMaxLength(200);
        link.setLabel(getTranslation("event.link.label"));
        link.setHelperText(getTranslation("event.link.help"));
        link.setMaxLength(500);
        topic.setLabel(getTranslation("event.topic.label"));
        topic.setMaxLength(200);
        schedule.setText(getTranslation("event.schedule"));
        schedule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        schedule.addClickListener(e -> schedule());
        FormLayout form = new FormLayout(kind, topic, day, time, place, link);
        add(title, new Paragraph(getTranslation("event.hint")), cards, new H3(getTranslation("event.new")), form,
                schedule);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        BranchInfo branch = RouteTarget.find(event, BRANCH_ID, directory::branchInScope).orElse(null);
        if (branch == null) {
            return;
        }
        branchId = branch.id();
        title.setText(getTranslation("event.page", branch.name()));
        startNew();
        showEvents();
    }

    private void startNew() {
        day.setValue(calendar.today());
        time.setValue(LocalTime.of(9, 0));
        place.setValue(getTranslation("event.place.default"));
        link.clear();
        topic.clear();
    }

    private void showEvents() {
        cards.removeAll();
        List<OrgLife.Event> events = orgLife.of(branchId);
        if (events.isEmpty()) {
            cards.add(new EmptyState(getTranslation("event.empty.title"), getTranslation("event.empty.text")));
        }
        Map<java.util.UUID, Map<OrgLife.Status, Integer>> counts = orgLife.counts(branchId);
        for (OrgLife.Event each : events) {
            Map<OrgLife.Status, Integer> tally = counts.getOrDefault(each.id(), Map.of());
            ZonedDateTime at = each.startsAt().atZone(StudyCalendar.ZONE);
            Anchor card = new Anchor("events/" + each.id(),
                    new Span(getTranslation("event.when", at.getYear(), at.getMonthValue(), at.getDayOfMonth(),
                            at.toLocalTime().toString()) + " · " + getTranslation("event.kind." + each.kind())),
                    new H3(each.topic()), new Span(each.place()),
                    new Span(getTranslation("event.tally", tally.getOrDefault(OrgLife.Status.PRESENT, 0),
                            tally.getOrDefault(OrgLife.Status.EXCUSED, 0), tally.getOrDefault(OrgLife.Status.ABSENT, 0))));
            card.getElement().setAttribute("router-link", true);
            card.addClassNames("ydk-card", "ydk-card-link", "ydk-event-card");
            cards.add(card);
        }
    }

    private void schedule() {
        if (day.isEmpty() || day.isInvalid() || time.isEmpty()) {
            Toasts.problem("event.when.missing");
            return;
        }
        boolean made = UserErrors.attempt(() -> orgLife.schedule(new OrgLife.NewEvent(branchId, kind.getValue(),
                day.getValue().atTime(time.getValue()).atZone(StudyCalendar.ZONE).toInstant(), place.getValue(),
                link.getValue(), topic.getValue())));
        if (made) {
            Toasts.done("event.scheduled");
            startNew();
            showEvents();
        }
    }

    @Override
    public String getPageTitle() {
        return title.getText();
    }
}
