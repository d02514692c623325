package org.yundangke.branch.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.yundangke.base.ui.Downloads;
import org.yundangke.base.ui.EmptyState;
import org.yundangke.base.ui.ResponsiveGrid;
import org.yundangke.base.ui.RouteTarget;
import org.yundangke.base.ui.Toasts;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.base.StudyCalendar;
import org.yundangke.branch.AssistedStudy;
import org.yundangke.branch.MatrixWorkbook;
import org.yundangke.branch.Notices;
import org.yundangke.org.BranchGroups;
import org.yundangke.org.BranchInfo;
import org.yundangke.org.OrgDirectory;
import org.yundangke.study.CompletionMatrix;

/**
 * Who of the branch has studied what: one row per member, one column per assignment, each cell in words and colour
 * (done, studied with help, how far, not started, overdue), totals in the headers and the last column; filters for one
 * Party group and for overdue only; the same as an Excel download. On a phone or at large text each member is a card.
 * A member's row offers 送学上门 (studied with help).
 */
@Route("branches/:branchId/matrix")
@RolesAllowed({"SECRETARY", "ADMIN"})
class CompletionMatrixView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String BRANCH_ID = "branchId";

    final H2 title = new H2();
    final ComboBox<BranchGroups.BranchGroup> group = new ComboBox<>();
    final Checkbox overdueOnly = new Checkbox();
    final Anchor download = new Anchor();
    final Div body = new Div();
    final Details nudges = new Details();
    final AssistedStudyForm assist;
    ResponsiveGrid<CompletionMatrix.Row> table = new ResponsiveGrid<>();
    CompletionMatrix.Matrix shown = new CompletionMatrix.Matrix(List.of(), List.of());
    private final CompletionMatrix matrix;
    private final MatrixWorkbook workbook;
    private final OrgDirectory directory;
    private final BranchGroups groups;
    private final Notices notices;
    private long branchId;

    CompletionMatrixView(CompletionMatrix matrix, MatrixWorkbook workbook, OrgDirectory directory,
                         BranchGroups groups, AssistedStudy assisted, Notices notices, StudyCalendar calendar) {
        this.notices = notices;
        this.matrix = matrix;
        this.workbook = workbook;
        this.directory = directory;
        this.groups = groups;
        this.assist = new AssistedStudyForm(assisted, calendar);
        addClassName("ydk-page");
        group.setLabel(getTranslation("matrix.group"));
        group.setPlaceholder(getTranslation("matrix.group.all"));
        group.setItemLabelGenerator(BranchGroups.BranchGroup::name);
        group.setClearButtonVisible(true);
        group.addValueChangeListener(e -> refresh());
        overdueOnly.setLabel(getTranslation("matrix.overdue-only"));
        overdueOnly.addValueChangeListener(e -> refresh());
        download.setText(getTranslation("matrix.download"));
        download.addClassName("ydk-card-action");
        HorizontalLayout filters = new HorizontalLayout(group, overdueOnly, download);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        body.setWidthFull();
        assist.setVisible(false);
        assist.onSaved(() -> {
            assist.setVisible(false);
            refresh();
        });
        nudges.addClassName("ydk-nudges");
        add(title, new Paragraph(getTranslation("matrix.hint")), filters, nudges, assist, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        BranchInfo branch = RouteTarget.find(event, BRANCH_ID, directory::branchInScope).orElse(null);
        if (branch == null) {
            return;
        }
        branchId = branch.id();
        title.setText(getTranslation("matrix.page", branch.name()));
        group.setItems(groups.of(branchId));
        refresh();
    }

    private CompletionMatrix.Filter filter() {
        return new CompletionMatrix.Filter(group.getValue() == null ? null : group.getValue().id(),
                overdueOnly.getValue());
    }

    void refresh() {
        CompletionMatrix.Filter filter = filter();
        shown = matrix.of(branchId, filter);
        table = new ResponsiveGrid<>();
        table.addColumn(getTranslation("member.name"), r -> r.member().name()).setFrozen(true).setAutoWidth(true);
        for (int c = 0; c < shown.columns().size(); c++) {
            int column = c;
            CompletionMatrix.Column each = shown.columns().get(c);
            table.addComponentColumn(workbook.columnTitle(each, getLocale()) + " · "
                    + getTranslation("matrix.count", each.finished(), each.asked()),
                    r -> cell(r.cells().get(column))).setWidth("12rem").setFlexGrow(0);
        }
        table.addColumn(getTranslation("matrix.member.total"),
                r -> getTranslation("matrix.count", r.finished(), r.asked())).setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        table.addComponentColumn(getTranslation("assignment.actions"), this::assistButton).setAutoWidth(true)
                .setKey("actions");
        table.setEmptyStateText(getTranslation(shown.columns().isEmpty() ? "matrix.empty.assignments"
                : "matrix.empty.members"));
        table.setAriaLabel(title.getText());
        table.grid.setAllRowsVisible(shown.rows().size() <= 50);
        table.setItems(shown.rows());
        body.removeAll();
        download.setVisible(!shown.columns().isEmpty());
        if (shown.columns().isEmpty()) { // rows of 0 / 0 would say nothing
            body.add(new EmptyState(getTranslation("matrix.empty.title"),
                    getTranslation("matrix.empty.assignments")));
        } else {
            body.add(table);
        }
        showNudges();
        String name = "matrix-" + branchId;
        download.setHref(Downloads.workbook(() -> workbook.of(branchId, title.getText(), filter, getLocale()), name));
    }

    /** For each assignment someone has not finished: how many, and 提醒 in one tap (once a day per member). */
    private void showNudges() {
        nudges.removeAll();
        List<CompletionMatrix.Column> open = shown.columns().stream()
                .filter(c -> c.study().available() && c.finished() < c.asked()).toList();
        nudges.setSummaryText(getTranslation("nudge.summary", open.size()));
        nudges.setVisible(!open.isEmpty());
        for (CompletionMatrix.Column column : open) {
            Button nudge = new Button(getTranslation("nudge.button"), e -> UserErrors
                    .attemptGet(() -> notices.nudge(branchId, column.study().assignment().id())).ifPresent(done -> {
                        if (done.reminded() == 0) {
                            Toasts.done("nudge.none");
                        } else {
                            Toasts.done("nudge.done", done.reminded(), done.alreadyToday(), done.texted());
                        }
                    }));
            nudge.addClassName("ydk-nudge");
            Div line = new Div(new Span(getTranslation("nudge.line", column.study().title(),
                    column.asked() - column.finished())), nudge);
            line.addClassName("ydk-nudge-line");
            nudges.add(line);
        }
    }

    private Component cell(CompletionMatrix.Cell cell) {
        Span text = new Span(workbook.cellText(cell, getLocale()));
        text.addClassNames("ydk-matrix-cell", "ydk-matrix-" + cell.state().name().toLowerCase().replace('_', '-'));
        return text;
    }

    /** 送学上门 for a member with something left to study. */
    private Component assistButton(CompletionMatrix.Row row) {
        boolean open = row.cells().stream().anyMatch(c -> !c.state().finished()
                && c.state() != CompletionMatrix.State.NOT_ASKED);
        if (!open) {
            return new Span();
        }
        Button button = new Button(getTranslation("assisted.open"), e -> {
            assist.show(row, shown.columns());
            assist.setVisible(true);
        });
        button.addClassName("ydk-assist");
        return button;
    }

    @Override
    public String getPageTitle() {
        return title.getText();
    }
}
