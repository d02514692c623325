package org.yundangke.live.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.ui.Downloads;
import org.yundangke.base.ui.RouteTarget;
import org.yundangke.base.ui.Toasts;
import org.yundangke.base.ui.UploadTexts;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.live.AttendanceImport;
import org.yundangke.live.LiveAttendance;
import org.yundangke.live.LiveReports;
import org.yundangke.live.LiveSession;
import org.yundangke.live.LiveSessions;
import org.yundangke.live.LiveState;
import org.yundangke.org.BranchInfo;
import org.yundangke.org.MemberAccount;
import org.yundangke.org.OrgDirectory;

/**
 * 出勤情况 of one session. A secretary or admin sees every member in reach — absent first, each with a phone number
 * to call — records the members who watched together in a room (集中收看), and downloads the list; the organiser
 * brings in the meeting platform's attendance export and sees which rows matched no one.
 */
@Route("live/:sessionId/attendance")
@RolesAllowed({"SECRETARY", "ADMIN", "LECTURER"})
class LiveAttendanceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final Paragraph summary = new Paragraph();
    final Div members = new Div();
    final ComboBox<BranchInfo> branch = new ComboBox<>();
    final CheckboxGroup<MemberAccount> present = new CheckboxGroup<>();
    final Button recordGroup = new Button();
    final Div importResult = new Div();
    private final LiveSessions sessions;
    private final LiveReports reports;
    private final LiveAttendance attendance;
    private final AttendanceImport imports;
    private final OrgDirectory directory;
    private final StudyCalendar calendar;
    private LiveSession session;

    LiveAttendanceView(LiveSessions sessions, LiveReports reports, LiveAttendance attendance, AttendanceImport imports,
                       OrgDirectory directory, StudyCalendar calendar) {
        this.sessions = sessions;
        this.reports = reports;
        this.attendance = attendance;
        this.imports = imports;
        this.directory = directory;
        this.calendar = calendar;
        addClassName("ydk-page");
        members.addClassName("ydk-rows");
        branch.setLabel(getTranslation("live.group.branch"));
        branch.setItemLabelGenerator(BranchInfo::name);
        branch.addValueChangeListener(e -> showBranch());
        present.setLabel(getTranslation("live.group.present"));
        present.setItemLabelGenerator(MemberAccount::name);
        present.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        present.addClassName("ydk-check-rows");
        recordGroup.setText(getTranslation("live.group.record"));
        recordGroup.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        recordGroup.addClassName("ydk-big-button");
        recordGroup.addClickListener(e -> record());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        session = RouteTarget.find(event, LiveView.SESSION_ID, id -> sessions.open(UUID.fromString(id))).orElse(null);
        if (session == null) {
            return;
        }
        removeAll();
        add(new H2(getTranslation("live.attendance.page", session.title())));
        boolean begun = session.state(calendar.now()) != LiveState.UPCOMING;
        boolean reach = CurrentUser.hasRole("SECRETARY") || CurrentUser.isAdmin();
        if (!begun) {
            add(new Paragraph(getTranslation("live.attendance.not-begun")));
        }
        if (reach) {
            add(summary, members);
            Anchor excel = new Anchor(Downloads.workbook(() -> reports.workbook(session.id(), getLocale()),
                    getTranslation("live.report.sheet") + "-" + session.title()), getTranslation("live.report.download"));
            excel.addClassName("ydk-big-link");
            add(excel);
            showReport();
        }
        if (reach && begun && !session.cancelled()) {
            add(groupSection());
        }
        if (begun && !session.cancelled() && (session.createdBy().equals(CurrentUser.name()) || CurrentUser.isAdmin())) {
            add(importSection());
        }
    }

    private void showReport() {
        List<LiveReports.MemberAttendance> rows = reports.of(session.id());
        long attended = rows.stream().filter(r -> r.standing() == LiveReports.Standing.ATTENDED).count();
        long partly = rows.stream().filter(r -> r.standing() == LiveReports.Standing.PARTLY).count();
        summary.setText(getTranslation("live.attendance.summary", rows.size(), attended, partly,
                rows.size() - attended - partly));
        members.removeAll();
        rows.stream().sorted((a, b) -> Integer.compare(order(b.standing()), order(a.standing())))
                .forEach(r -> members.add(row(r)));
    }

    private static int order(LiveReports.Standing standing) {
        return switch (standing) {
            case ABSENT -> 3;
            case PARTLY -> 2;
            case ATTENDED -> 1;
        };
    }

    private Div row(LiveReports.MemberAttendance member) {
        Span name = new Span(member.name());
        name.addClassName("ydk-card-title");
        String state = getTranslation("live.report." + member.standing().name().toLowerCase())
                + (member.how() == null ? "" : " · " + getTranslation("live.how." + member.how().name().toLowerCase()))
                + (member.minutes() > 0 ? " · " + getTranslation("live.attendance.minutes", member.minutes()) : "");
        Div row = new Div(name, new Span(member.branch()), new Span(state));
        if (member.standing() != LiveReports.Standing.ATTENDED && member.phone() != null && !member.phone().isBlank()) {
            Anchor call = new Anchor("tel:" + member.phone(), getTranslation("live.attendance.call", member.phone()));
            call.getElement().setAttribute("router-ignore", true);
            call.addClassName("ydk-big-link");
            row.add(call);
        }
        row.addClassName("ydk-row");
        row.addClassName("ydk-row-" + member.standing().name().toLowerCase());
        return row;
    }

    private Section groupSection() {
        List<BranchInfo> branches = directory.branchesInScope();
        branch.setItems(branches);
        if (!branches.isEmpty()) {
            branch.setValue(branches.getFirst());
        }
        return new Section(new H3(getTranslation("live.group")), new Paragraph(getTranslation("live.group.help")),
                branch, present, recordGroup);
    }

    private void showBranch() {
        if (branch.getValue() == null) {
            present.setItems(List.of());
            return;
        }
        List<MemberAccount> accounts = directory.memberAccountsOf(branch.getValue().id());
        Set<Long> already = Set.copyOf(attendance.attendedOf(session.id(), branch.getValue().id()));
        present.setItems(accounts);
        present.setItemEnabledProvider(m -> !already.contains(m.memberId()));
        present.setValue(accounts.stream().filter(m -> already.contains(m.memberId())).collect(Collectors.toSet()));
    }

    private void record() {
        if (branch.getValue() == null) {
            return;
        }
        List<Long> chosen = present.getValue().stream().map(MemberAccount::memberId).toList();
        UserErrors.attemptGet(() -> attendance.recordGroup(session.id(), branch.getValue().id(), chosen))
                .ifPresent(recorded -> {
                    Toasts.done("live.group.done", recorded);
                    showBranch();
                    showReport();
                });
    }

    private Section importSection() {
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> getUI().ifPresent(ui -> ui.access(() ->
                UserErrors.attemptGet(() -> imports.importFile(session.id(), metadata.fileName(), data))
                        .ifPresent(this::showImport)))));
        upload.setAcceptedFileTypes(".xlsx", ".xls", ".csv");
        upload.setMaxFiles(1);
        UploadTexts.apply(upload, 5 * 1024 * 1024);
        return new Section(new H3(getTranslation("live.import")), new Paragraph(getTranslation("live.import.help")),
                upload, importResult);
    }

    private void showImport(AttendanceImport.Result result) {
        importResult.removeAll();
        importResult.add(new Paragraph(getTranslation("live.import.done", result.attended(), result.partly(),
                result.unmatched().size())));
        if (!result.unmatched().isEmpty()) {
            UnorderedList list = new UnorderedList();
            result.unmatched().forEach(u -> list.add(new ListItem(getTranslation("live.import.unmatched", u.line(),
                    u.name().isEmpty() ? u.phone() : u.name(), getTranslation(u.reasonKey())))));
            importResult.add(list);
        }
        if (CurrentUser.hasRole("SECRETARY") || CurrentUser.isAdmin()) {
            showReport();
        }
    }

    @Override
    public String getPageTitle() {
        return session == null ? getTranslation("nav.live") : getTranslation("live.attendance.page", session.title());
    }
}
