package org.yundangke.credit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.IntStream;
import org.yundangke.base.StudyCalendar;
import org.yundangke.credit.CreditDocuments;
import org.yundangke.credit.CreditLedger;
import org.yundangke.credit.CreditRecords;
import org.yundangke.credit.Evidence;
import org.yundangke.base.ui.Downloads;
import org.yundangke.base.ui.RouteTarget;
import org.yundangke.org.BranchInfo;
import org.yundangke.org.OrgDirectory;
import org.yundangke.base.ui.ResponsiveGrid;

/**
 * A branch's 学时 and points: every member (primary and "1+2" managed) month by month and the Excel record; below,
 * the 记实 records waiting for approval ({@link PendingEvidence}); a member's row opens their entries, where a
 * secretary corrects one ({@link MemberEntriesDialog}).
 */
@Route("branches/:branchId/credit")
@RolesAllowed({"SECRETARY", "ADMIN"})
class BranchCreditView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String BRANCH_ID = "branchId";

    final H2 title = new H2();
    final Select<Integer> year = new Select<>();
    final ResponsiveGrid<CreditRecords.MemberMonths> table = new ResponsiveGrid<>();
    final Grid<CreditRecords.MemberMonths> grid = table.grid;
    final Anchor export = new Anchor();
    final PendingEvidence pending;
    private final CreditRecords records;
    private final CreditLedger ledger;
    private final CreditDocuments documents;
    private final OrgDirectory directory;
    private long branchId;
    private final StudyCalendar calendar;

    BranchCreditView(CreditRecords records, CreditLedger ledger, CreditDocuments documents, Evidence evidence,
                     OrgDirectory directory, StudyCalendar calendar) {
        this.calendar = calendar;
        this.records = records;
        this.ledger = ledger;
        this.documents = documents;
        this.pending = new PendingEvidence(evidence, this::refresh);
        this.directory = directory;
        addClassName("ydk-page");
        int thisYear = calendar.thisYear();
        year.setLabel(getTranslation("credit.year"));
        year.setItems(IntStream.rangeClosed(thisYear - 4, thisYear).boxed().sorted((a, b) -> b - a).toList());
        year.setItemLabelGenerator(y -> getTranslation("credit.year.label", String.valueOf(y)));
        year.setValue(thisYear);
        year.addValueChangeListener(e -> refresh());
        table.addColumn(getTranslation("member.name"), CreditRecords.MemberMonths::name).setFrozen(true)
                .setAutoWidth(true);
        for (int m = 0; m < 12; m++) {
            int month = m;
            table.addColumn(getTranslation("credit.month", month + 1), row -> CreditText.amount(row.hours()[month])).setAutoWidth(true);
        }
        table.addColumn(getTranslation("credit.hours.total"), row -> CreditText.amount(row.totalHours()))
                .setAutoWidth(true);
        table.addColumn(getTranslation("credit.points"), row -> CreditText.amount(row.totalPoints()))
                .setAutoWidth(true);
        table.addComponentColumn(getTranslation("assignment.actions"), row -> new Button(getTranslation("credit.details"), e -> showEntries(row))).setKey("actions").setAutoWidth(true);
        table.setAriaLabel(getTranslation("credit.branch.grid"));
        table.setEmptyStateText(getTranslation("branch.members.empty"));
        export.getElement().setAttribute("download", true);
        export.addClassName("ydk-big-link");
        add(title, new HorizontalLayout(year), new Paragraph(getTranslation("credit.branch.hint")), table, export,
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
        table.setItems(records.branchMonths(branchId, chosen));
        export.setText(getTranslation("credit.export", String.valueOf(chosen)));
        export.setHref(Downloads.workbook(() -> documents.branchWorkbook(branchId, chosen),
                "branch-" + branchId + "-" + chosen));
        pending.show(branchId);
    }

    private void showEntries(CreditRecords.MemberMonths member) {
        new MemberEntriesDialog(ledger, member, year.getValue(), this::refresh).open();
    }

    @Override
    public String getPageTitle() {
        return title.getText();
    }
}
