package org.yundangke.credit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.base.ui.EmptyState;
import org.yundangke.credit.CreditDocuments;
import org.yundangke.credit.CreditLedger;
import org.yundangke.credit.CreditRecords;
import org.yundangke.credit.Evidence;
import org.yundangke.credit.EvidenceRecord;
import org.yundangke.credit.LedgerEntry;
import org.yundangke.base.ui.RouteTarget;
import org.yundangke.org.BranchInfo;
import org.yundangke.org.OrgDirectory;

/**
 * A branch's 学时 and points: every member (primary and "1+2" managed) month by month, the Excel record, 记实 records
 * waiting for approval, and a member's entries with corrections.
 */
@Route("branches/:branchId/credit")
@RolesAllowed({"SECRETARY", "ADMIN"})
class BranchCreditView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String BRANCH_ID = "branchId";

    final H2 title = new H2();
    final Select<Integer> year = new Select<>();
    final Grid<CreditRecords.MemberMonths> grid = new Grid<>();
    final Anchor export = new Anchor();
    final Div pending = new Div();
    private final CreditRecords records;
    private final CreditLedger ledger;
    private final CreditDocuments documents;
    private final Evidence evidence;
    private final OrgDirectory directory;
    private long branchId;
    private final StudyCalendar calendar;

    BranchCreditView(CreditRecords records, CreditLedger ledger, CreditDocuments documents, Evidence evidence,
                     OrgDirectory directory, StudyCalendar calendar) {
        this.calendar = calendar;
        this.records = records;
        this.ledger = ledger;
        this.documents = documents;
        this.evidence = evidence;
        this.directory = directory;
        addClassName("ydk-page");
        int thisYear = calendar.thisYear();
        year.setLabel(getTranslation("credit.year"));
        year.setItems(IntStream.rangeClosed(thisYear - 4, thisYear).boxed().sorted((a, b) -> b - a).toList());
        year.setItemLabelGenerator(y -> getTranslation("credit.year.label", String.valueOf(y)));
        year.setValue(thisYear);
        year.addValueChangeListener(e -> refresh());
        grid.addColumn(CreditRecords.MemberMonths::name).setHeader(getTranslation("member.name")).setFrozen(true)
                .setAutoWidth(true);
        for (int m = 0; m < 12; m++) {
            int month = m;
            grid.addColumn(row -> CreditText.amount(row.hours()[month]))
                    .setHeader(getTranslation("credit.month", month + 1)).setAutoWidth(true);
        }
        grid.addColumn(row -> CreditText.amount(row.totalHours())).setHeader(getTranslation("credit.hours.total"))
                .setAutoWidth(true);
        grid.addColumn(row -> CreditText.amount(row.totalPoints())).setHeader(getTranslation("credit.points"))
                .setAutoWidth(true);
        grid.addComponentColumn(row -> new Button(getTranslation("credit.details"), e -> showEntries(row)))
                .setHeader(getTranslation("assignment.actions")).setKey("actions").setAutoWidth(true);
        grid.addItemClickListener(e -> showEntries(e.getItem()));
        grid.setAriaLabel(getTranslation("credit.branch.grid"));
        grid.setEmptyStateText(getTranslation("branch.members.empty"));
        export.getElement().setAttribute("download", true);
        export.addClassName("ydk-big-link");
        add(title, new HorizontalLayout(year), new Paragraph(getTranslation("credit.branch.hint")), grid, export,
                new H3(getTranslation("credit.pending")), pending);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        BranchInfo branch = RouteTarget.find(event, BRANCH_ID, directory::branchInScope).orElse(null);
        if (branch == null) {
            return;
        }
        branchId = branch.id();
        title.setText(getTranslation("credit.branch.title", branch.name()));
        refresh();
    }

    private void refresh() {
        int chosen = year.getValue();
        grid.setItems(records.branchMonths(branchId, chosen));
        export.setText(getTranslation("credit.export", String.valueOf(chosen)));
        export.setHref(download(() -> documents.branchWorkbook(branchId, chosen), "branch-" + branchId + "-" + chosen));
        showPending();
    }

    static DownloadHandler download(Supplier<byte[]> workbook, String name) {
        return DownloadHandler.fromInputStream(event -> {
            byte[] xlsx = workbook.get();
            return new DownloadResponse(new ByteArrayInputStream(xlsx), name + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.length);
        });
    }

    private void showPending() {
        pending.removeAll();
        pending.addClassName("ydk-cards");
        List<EvidenceRecord> waiting = evidence.pending(branchId);
        if (waiting.isEmpty()) {
            pending.add(new EmptyState(getTranslation("credit.pending.empty.title"),
                    getTranslation("credit.pending.empty.text")));
        }
        for (EvidenceRecord record : waiting) {
            Button approve = new Button(getTranslation("credit.approve"), e -> decide(() -> evidence.approve(record.id())));
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button reject = new Button(getTranslation("credit.reject"), e -> askReason(record));
            Div photos = new Div();
            photos.addClassName("ydk-photos");
            for (int i = 1; i <= record.photos().size(); i++) {
                int position = i;
                photos.add(new Image(DownloadHandler.fromInputStream(event -> {
                    byte[] photo = evidence.photo(record.id(), position);
                    return new DownloadResponse(new ByteArrayInputStream(photo), "photo-" + position,
                            "image/" + record.photos().get(position - 1).replaceAll(".*\\.", "").replace("jpg", "jpeg"),
                            photo.length);
                }), getTranslation("evidence.photo.alt", position, record.place())));
            }
            Div card = new Div(new Span(record.memberName() + " · " + CreditText.DATE.format(record.occurredOn()) + " · "
                    + getTranslation("evidence.activity." + record.activity())), new Paragraph(record.place() + "："
                    + record.description()), new Span(getTranslation("evidence.attendees") + "：" + record.attendees()),
                    photos, new HorizontalLayout(approve, reject));
            card.addClassName("ydk-card");
            card.getElement().setAttribute("data-record", record.id().toString());
            pending.add(card);
        }
    }

    private void askReason(EvidenceRecord record) {
        Dialog dialog = new Dialog(getTranslation("credit.reject.title"));
        TextField reason = new TextField(getTranslation("credit.reject.reason"));
        reason.setMaxLength(500);
        reason.setWidthFull();
        dialog.add(reason);
        Button reject = new Button(getTranslation("credit.reject"), e -> {
            if (decide(() -> evidence.reject(record.id(), reason.getValue()))) {
                dialog.close();
            }
        });
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), reject);
        dialog.open();
    }

    private boolean decide(Runnable decision) {
        boolean decided = UserErrors.attempt(decision);
        if (decided) {
            refresh();
        }
        return decided;
    }

    /** A member's entries of the year; a secretary corrects one with a reason the member will read. */
    private void showEntries(CreditRecords.MemberMonths member) {
        Dialog dialog = new Dialog(member.name());
        Grid<LedgerEntry> entries = new Grid<>();
        entries.addColumn(e -> CreditText.line(this, e)).setHeader(getTranslation("credit.history")).setFlexGrow(4);
        entries.addComponentColumn(e -> e.reversesId() != null || e.amount().signum() == 0 ? new Span()
                : new Button(getTranslation("credit.correct"), click -> correct(e, dialog)))
                .setHeader(getTranslation("assignment.actions")).setKey("actions");
        entries.setItems(ledger.entries(member.memberId(), year.getValue()));
        entries.setEmptyStateText(getTranslation("credit.history.empty.title"));
        dialog.add(entries);
        dialog.setWidth("min(60rem, 95vw)");
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    private void correct(LedgerEntry entry, Dialog entries) {
        Dialog dialog = new Dialog(getTranslation("credit.correct.title"));
        dialog.add(new Paragraph(CreditText.line(this, entry)));
        TextField reason = new TextField(getTranslation("credit.correct.reason.label"));
        reason.setMaxLength(500);
        reason.setWidthFull();
        dialog.add(reason);
        Button confirm = new Button(getTranslation("credit.correct"), e -> {
            if (!UserErrors.attempt(() -> ledger.correct(entry.id(), reason.getValue()))) {
                return;
            }
            dialog.close();
            entries.close();
            refresh();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return title.getText();
    }
}
