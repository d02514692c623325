package org.yundangke.committee.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.ui.Downloads;
import org.yundangke.base.ui.ResponsiveGrid;
import org.yundangke.committee.RollupWorkbook;
import org.yundangke.committee.Rollups;
import org.yundangke.org.Actor;
import org.yundangke.org.CommitteeInfo;
import org.yundangke.org.OrgDirectory;
import org.yundangke.org.Role;

/**
 * 学习统计 from the province down to a member: a committee's (or branch's) figures for a year or quarter, then the same
 * figures one level down as bars and as a table (the table is what screen readers read, and what the Excel holds).
 * A row opens the level below; the page says when the figures were last brought up to date. An administrator starts
 * at their own committee, a secretary at their branch.
 */
@Route("overview/:kind?/:id?")
@Menu(order = 30, icon = "vaadin:chart-grid", title = "nav.overview")
@RolesAllowed({"SECRETARY", "ADMIN"})
class OverviewView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int CHART_ROWS = 40;
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(StudyCalendar.ZONE);

    final H2 title = new H2();
    final Div up = new Div();
    final Select<Integer> year = new Select<>();
    final Select<Integer> quarter = new Select<>();
    final Paragraph refreshed = new Paragraph();
    final Paragraph summary = new Paragraph();
    final Paragraph chartNote = new Paragraph();
    final BarChart chart = new BarChart();
    final Anchor download = new Anchor();
    final Div body = new Div();
    ResponsiveGrid<Rollups.Row> table = new ResponsiveGrid<>();
    private final Rollups rollups;
    private final RollupWorkbook workbook;
    private final OrgDirectory directory;
    private Rollups.Kind kind = Rollups.Kind.COMMITTEE;
    private long id;

    OverviewView(Rollups rollups, RollupWorkbook workbook, OrgDirectory directory, StudyCalendar calendar) {
        this.rollups = rollups;
        this.workbook = workbook;
        this.directory = directory;
        addClassName("ydk-page");
        int thisYear = calendar.thisYear();
        year.setLabel(getTranslation("overview.year"));
        year.setItems(IntStream.rangeClosed(thisYear - Rollups.YEARS_SHOWN + 1, thisYear).boxed().sorted(Comparator.reverseOrder()).toList());
        year.setItemLabelGenerator(y -> getTranslation("credit.year.label", String.valueOf(y)));
        year.setValue(thisYear);
        quarter.setLabel(getTranslation("overview.quarter"));
        quarter.setItems(0, 1, 2, 3, 4);
        quarter.setItemLabelGenerator(q -> getTranslation("overview.quarter." + q));
        quarter.setValue(0);
        year.addValueChangeListener(e -> refresh());
        quarter.addValueChangeListener(e -> refresh());
        HorizontalLayout period = new HorizontalLayout(year, quarter);
        period.setWrap(true);
        period.setAlignItems(FlexComponent.Alignment.BASELINE);
        download.getElement().setAttribute("download", true);
        download.addClassName("ydk-big-link");
        up.addClassName("ydk-overview-up");
        summary.addClassName("ydk-overview-summary");
        body.setWidthFull();
        add(up, title, period, refreshed, summary, chartNote, chart, body, download);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String asked = event.getRouteParameters().get("kind").orElse("");
        String number = event.getRouteParameters().get("id").orElse("");
        Actor actor = directory.currentActor();
        try {
            if (asked.isEmpty()) {
                if (actor.has(Role.ADMIN) && actor.committeeId() != null) {
                    kind = Rollups.Kind.COMMITTEE;
                    id = actor.committeeId();
                } else if (!actor.ledBranchIds().isEmpty()) {
                    kind = Rollups.Kind.BRANCH;
                    id = actor.ledBranchIds().stream().min(Long::compare).orElseThrow();
                } else {
                    throw new AccessDeniedException("no committee or branch");
                }
            } else {
                kind = Rollups.Kind.valueOf(asked.toUpperCase(java.util.Locale.ROOT));
                id = Long.parseLong(number);
            }
            show(load());
        } catch (IllegalArgumentException | AccessDeniedException e) {
            event.rerouteToError(com.vaadin.flow.router.AccessDeniedException.class);
        }
    }

    private Rollups.Overview load() {
        return switch (kind) {
            case COMMITTEE -> rollups.committee(id, year.getValue(), quarter.getValue());
            case BRANCH -> rollups.branch(id, year.getValue(), quarter.getValue());
            case MEMBER -> throw new IllegalArgumentException("no member overview");
        };
    }

    void refresh() {
        if (id != 0) {
            show(load());
        }
    }

    private void show(Rollups.Overview overview) {
        title.setText(getTranslation("overview.title", overview.name()));
        showUp(overview.parentCommitteeId());
        refreshed.setText(overview.refreshedAt() == null ? getTranslation("overview.refreshed.never")
                : getTranslation("overview.refreshed", WHEN.format(overview.refreshedAt())));
        Rollups.Figures f = overview.figures();
        String period = getTranslation("overview.quarter." + overview.quarter());
        summary.setText(getTranslation("overview.summary", String.valueOf(overview.year()), period, f.members(),
                f.participation().toPlainString(), f.reachedShare().toPlainString(), f.hoursPerMember().toPlainString(), overview.target().stripTrailingZeros().toPlainString(),
                f.averageScorecard() == null ? "—" : f.averageScorecard().toPlainString(), f.modelBranches()));
        showChart(overview);
        showTable(overview);
        download.setText(getTranslation("overview.download"));
        download.setHref(Downloads.workbook(() -> workbook.of(overview, title.getText() + " · " + overview.year()
                + " · " + period, getLocale()), "overview-" + kind.name().toLowerCase() + "-" + id));
        download.setVisible(!overview.rows().isEmpty());
    }

    /** A link one level up, when the caller may look there. */
    private void showUp(@Nullable Long parent) {
        up.removeAll();
        Actor actor = directory.currentActor();
        if (parent == null || !actor.has(Role.ADMIN)) {
            return;
        }
        Set<Long> mine = directory.committeesInScope().stream().map(CommitteeInfo::id).collect(Collectors.toSet());
        if (mine.contains(parent)) {
            RouterLink link = new RouterLink(getTranslation("overview.up"), OverviewView.class,
                    new RouteParameters(java.util.Map.of("kind", "committee", "id", String.valueOf(parent))));
            link.addClassName("ydk-big-link");
            up.add(link);
        }
    }

    private void showChart(Rollups.Overview overview) {
        List<Rollups.Row> rows = overview.rows();
        chart.setVisible(!rows.isEmpty());
        chartNote.setVisible(rows.size() > CHART_ROWS);
        chartNote.setText(getTranslation(overview.kind() == Rollups.Kind.BRANCH ? "overview.chart.some.members"
                : "overview.chart.some", CHART_ROWS));
        if (rows.isEmpty()) {
            return;
        }
        if (overview.kind() == Rollups.Kind.BRANCH) {
            List<Rollups.Row> shown = rows.stream().sorted(Comparator.comparing(r -> r.figures().studyHours()))
                    .limit(CHART_ROWS).toList();
            chart.show(getTranslation("overview.chart.members", overview.name()),
                    shown.stream().map(Rollups.Row::name).toList(),
                    List.of(new BarChart.Series(getTranslation("overview.hours"),
                            shown.stream().map(r -> r.figures().studyHours()).toList(), "")), null);
            return;
        }
        List<Rollups.Row> shown = rows.stream().sorted(Comparator.comparing(r -> r.figures().participation()))
                .limit(CHART_ROWS).toList();
        chart.show(getTranslation("overview.chart.committees", overview.name()),
                shown.stream().map(Rollups.Row::name).toList(),
                List.of(new BarChart.Series(getTranslation("overview.participation"),
                                shown.stream().map(r -> r.figures().participation()).toList(), "%"),
                        new BarChart.Series(getTranslation("overview.reached"),
                                shown.stream().map(r -> r.figures().reachedShare()).toList(), "%")),
                BigDecimal.valueOf(100));
    }

    private void showTable(Rollups.Overview overview) {
        Rollups.Kind rows = overview.kind() == Rollups.Kind.BRANCH ? Rollups.Kind.MEMBER : Rollups.Kind.COMMITTEE;
        table = new ResponsiveGrid<>();
        table.addColumn(getTranslation("overview.name"), Rollups.Row::name).setAutoWidth(true).setFlexGrow(3);
        List<String> headers = workbook.headers(rows, getLocale());
        for (int c = 0; c < headers.size(); c++) {
            int column = c;
            table.addColumn(headers.get(c), r -> workbook.cells(r, getLocale()).get(column));
        }
        if (rows != Rollups.Kind.MEMBER) {
            table.onOpen(getTranslation("overview.open"), this::open);
        }
        table.setEmptyStateText(getTranslation(rows == Rollups.Kind.MEMBER ? "overview.empty.members"
                : "overview.empty.committee"));
        table.setAriaLabel(getTranslation("overview.table", overview.name()));
        table.grid.setAllRowsVisible(overview.rows().size() <= 50);
        table.setItems(overview.rows());
        body.removeAll();
        body.add(table);
    }

    private void open(Rollups.Row row) {
        UI.getCurrent().navigate(OverviewView.class, new RouteParameters(java.util.Map.of("kind",
                row.kind().name().toLowerCase(java.util.Locale.ROOT), "id", String.valueOf(row.id()))));
    }

    @Override
    public String getPageTitle() {
        return title.getText().isEmpty() ? getTranslation("nav.overview") : title.getText();
    }
}
