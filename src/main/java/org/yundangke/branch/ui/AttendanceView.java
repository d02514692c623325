package org.yundangke.branch.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.ui.RouteTarget;
import org.yundangke.base.ui.Toasts;
import org.yundangke.base.ui.UploadTexts;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.branch.OrgLife;

/**
 * Taking attendance in the room on a phone: one row per member, their name and three large buttons (到会, 请假, 缺席),
 * each tap saved at once; the tally at the top; 确认出勤 writes the credit of those present (once each); below, the
 * minutes and photos of the event.
 */
@Route("events/:eventId")
@RolesAllowed({"SECRETARY", "ADMIN"})
class AttendanceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String EVENT_ID = "eventId";

    final H2 title = new H2();
    final Span facts = new Span();
    final Span tally = new Span();
    final Div rows = new Div();
    final Button confirm = new Button();
    final Div files = new Div();
    final Upload minutes;
    final Upload photos;
    private final OrgLife orgLife;
    private OrgLife.Event event;
    private List<OrgLife.Mark> marks = List.of();

    AttendanceView(OrgLife orgLife) {
        this.orgLife = orgLife;
        addClassNames("ydk-page", "ydk-attendance");
        rows.addClassName("ydk-attendance-rows");
        tally.addClassName("ydk-attendance-tally");
        tally.getElement().setAttribute("role", "status");
        confirm.setText(getTranslation("attendance.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClassName("ydk-big-button");
        confirm.addClickListener(e -> UserErrors.attemptGet(() -> orgLife.confirm(event.id())).ifPresent(n -> {
            Toasts.done(n == 0 ? "attendance.confirmed.none" : "attendance.confirmed", n);
            showMarks();
        }));
        minutes = upload(OrgLife.FileKind.MINUTES, "attendance.minutes.add");
        minutes.setAcceptedFileTypes("application/pdf", ".docx", "image/jpeg", "image/png");
        photos = upload(OrgLife.FileKind.PHOTO, "attendance.photos.add");
        photos.setAcceptedFileTypes("image/jpeg", "image/png", "image/gif", "image/webp");
        files.addClassName("ydk-event-files");
        add(title, facts, new Paragraph(getTranslation("attendance.hint")), tally, rows, confirm,
                new Paragraph(getTranslation("attendance.confirm.hint")), new H3(getTranslation("attendance.files")),
                files, minutes, photos);
    }

    private Upload upload(OrgLife.FileKind kind, String buttonKey) {
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> getUI().ifPresent(ui -> ui.access(() -> {
            if (UserErrors.attempt(() -> orgLife.attach(event.id(), kind, metadata.fileName(), data))) {
                showFiles();
            }
        }))));
        upload.setMaxFiles(10);
        UploadTexts.apply(upload, 20 * 1024 * 1024);
        upload.setUploadButton(new Button(getTranslation(buttonKey)));
        return upload;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent enter) {
        OrgLife.Event found = RouteTarget.find(enter, EVENT_ID, id -> orgLife.event(UUID.fromString(id))).orElse(null);
        if (found == null) {
            return;
        }
        event = found;
        ZonedDateTime at = event.startsAt().atZone(StudyCalendar.ZONE);
        title.setText(event.topic());
        facts.setText(getTranslation("event.kind." + event.kind()) + " · " + getTranslation("event.when",
                at.getYear(), at.getMonthValue(), at.getDayOfMonth(), at.toLocalTime().toString()) + " · "
                + event.place());
        if (event.onlineLink() != null) {
            Anchor join = new Anchor(event.onlineLink(), getTranslation("attendance.join"));
            join.setTarget("_blank");
            facts.add(new Span(" · "), join);
        }
        showMarks();
        showFiles();
    }

    private void showMarks() {
        marks = orgLife.marks(event.id());
        rows.removeAll();
        marks.forEach(mark -> rows.add(row(mark)));
        showTally();
    }

    private Div row(OrgLife.Mark mark) {
        Span name = new Span(mark.member().name());
        name.addClassName("ydk-attendance-name");
        Div buttons = new Div();
        buttons.addClassName("ydk-attendance-buttons");
        Div row = new Div(name, buttons);
        row.addClassName("ydk-attendance-row");
        for (OrgLife.Status status : OrgLife.Status.values()) {
            Button button = new Button(getTranslation("attendance." + status));
            button.addClassNames("ydk-attendance-button", "ydk-attendance-" + status.name().toLowerCase());
            button.getElement().setAttribute("aria-pressed", String.valueOf(status == mark.status()));
            button.getElement().setAttribute("aria-label", mark.member().name() + " " + getTranslation(
                    "attendance." + status));
            button.addClickListener(e -> {
                if (UserErrors.attempt(() -> orgLife.mark(event.id(), mark.member().memberId(), status))) {
                    buttons.getChildren().forEach(b -> b.getElement().setAttribute("aria-pressed",
                            String.valueOf(b == button)));
                    marks = marks.stream().map(m -> m.member().memberId() == mark.member().memberId()
                            ? new OrgLife.Mark(m.member(), status, m.credited()) : m).toList();
                    showTally();
                }
            });
            buttons.add(button);
        }
        if (mark.credited()) {
            Span credited = new Span(getTranslation("attendance.credited"));
            credited.addClassName("ydk-attendance-credited");
            row.add(credited);
        }
        return row;
    }

    private void showTally() {
        Map<OrgLife.Status, Integer> counts = OrgLife.tally(marks);
        int marked = counts.values().stream().mapToInt(Integer::intValue).sum();
        tally.setText(getTranslation("attendance.tally", counts.getOrDefault(OrgLife.Status.PRESENT, 0),
                counts.getOrDefault(OrgLife.Status.EXCUSED, 0), counts.getOrDefault(OrgLife.Status.ABSENT, 0),
                marks.size() - marked));
    }

    private void showFiles() {
        files.removeAll();
        List<OrgLife.File> all = orgLife.files(event.id());
        if (all.isEmpty()) {
            files.add(new Paragraph(getTranslation("attendance.files.none")));
        }
        for (OrgLife.File file : all) {
            UUID id = event.id();
            Anchor link = new Anchor(DownloadHandler.fromInputStream(e -> {
                byte[] data = orgLife.file(id, file.position());
                return new DownloadResponse(new ByteArrayInputStream(data), file.fileName(), file.contentType(),
                        data.length);
            }), getTranslation("attendance.file." + file.kind(), file.fileName()));
            link.addClassName("ydk-event-file");
            files.add(new Div(link));
        }
    }

    @Override
    public String getPageTitle() {
        return title.getText();
    }
}
