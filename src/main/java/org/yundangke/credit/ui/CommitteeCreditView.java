package org.yundangke.credit.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.IntStream;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.ui.Downloads;
import org.yundangke.credit.CreditDocuments;
import org.yundangke.credit.CreditRecords;
import org.yundangke.org.CommitteeInfo;
import org.yundangke.org.OrgDirectory;
import org.yundangke.base.ui.ResponsiveGrid;

/**
 * 学时积分统计 for an admin: a committee of their area and the committees under it, each member counted once per
 * committee ("1+2" members too), with the Excel record of every member of the subtree.
 */
@Route("credit")
@Menu(order = 31, icon = "vaadin:chart", title = "nav.admin.credit")
@RolesAllowed("ADMIN")
class CommitteeCreditView extends VerticalLayout implements HasDynamicTitle {

    final Select<CommitteeInfo> committee = new Select<>();
    final Select<Integer> year = new Select<>();
    final Paragraph total = new Paragraph();
    final ResponsiveGrid<CreditRecords.CommitteeTotals> table = new ResponsiveGrid<>();
    final Grid<CreditRecords.CommitteeTotals> grid = table.grid;
    final Anchor export = new Anchor();
    private final CreditRecords records;
    private final CreditDocuments documents;
    private final StudyCalendar calendar;

    CommitteeCreditView(CreditRecords records, CreditDocuments documents, OrgDirectory directory,
                        StudyCalendar calendar) {
        this.calendar = calendar;
        this.records = records;
        this.documents = documents;
        addClassName("ydk-page");
        List<CommitteeInfo> area = directory.committeesInScope();
        committee.setLabel(getTranslation("credit.committee"));
        committee.setItems(area);
        committee.setItemLabelGenerator(CommitteeInfo::name);
        int thisYear = calendar.thisYear();
        year.setLabel(getTranslation("credit.year"));
        year.setItems(IntStream.rangeClosed(thisYear - 4, thisYear).boxed().sorted((a, b) -> b - a).toList());
        year.setItemLabelGenerator(y -> getTranslation("credit.year.label", String.valueOf(y)));
        year.setValue(thisYear);
        table.addColumn(getTranslation("credit.committee"), CreditRecords.CommitteeTotals::name)
                .setFlexGrow(3);
        table.addColumn(getTranslation("credit.members"), CreditRecords.CommitteeTotals::members);
        table.addColumn(getTranslation("credit.hours.total"), t -> CreditText.amount(t.studyHours()));
        table.addColumn(getTranslation("credit.points"), t -> CreditText.amount(t.points()));
        table.addColumn(getTranslation("credit.reached"), CreditRecords.CommitteeTotals::reachedTarget);
        table.onOpen(getTranslation("credit.rollup.open"), row -> area.stream()
                .filter(c -> c.id() == row.committeeId()).findFirst().ifPresent(committee::setValue));
        table.setEmptyStateText(getTranslation("credit.rollup.empty"));
        table.setAriaLabel(getTranslation("nav.admin.credit"));
        export.getElement().setAttribute("download", true);
        export.addClassName("ydk-big-link");
        committee.addValueChangeListener(e -> refresh());
        year.addValueChangeListener(e -> refresh());
        add(new H2(getTranslation("nav.admin.credit")), new HorizontalLayout(committee, year), total,
                new Paragraph(getTranslation("credit.rollup.hint")), table, export);
        if (!area.isEmpty()) {
            committee.setValue(area.getFirst());
        }
    }

    private void refresh() {
        if (committee.isEmpty()) {
            return;
        }
        long id = committee.getValue().id();
        int chosen = year.getValue();
        CreditRecords.CommitteeTotals all = records.committeeTotal(id, chosen);
        total.setText(getTranslation("credit.rollup.total", all.members(), CreditText.amount(all.studyHours()),
                CreditText.amount(all.points()), all.reachedTarget()));
        table.setItems(records.rollup(id, chosen));
        export.setText(getTranslation("credit.export", String.valueOf(chosen)));
        export.setHref(Downloads.workbook(() -> documents.committeeWorkbook(id, chosen),
                "committee-" + id + "-" + chosen));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.credit");
    }
}
