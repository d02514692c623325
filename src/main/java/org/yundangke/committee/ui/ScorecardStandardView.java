package org.yundangke.committee.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.ui.DateFields;
import org.yundangke.base.ui.ResponsiveGrid;
import org.yundangke.base.ui.Toasts;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.committee.Indicator;
import org.yundangke.committee.Scorecards;
import org.yundangke.org.OrgDirectory;

/**
 * 考评标准: the "六有一提升" indicators in force, each with its aspect, full marks, how it is measured and since when.
 * The province's administrators change one from tomorrow on (a new version; quarters already judged keep theirs) in
 * a form on the page, not in a pop-up; every administrator can read the standard and each indicator's history.
 */
@Route("scorecard-standard")
@Menu(order = 33, icon = "vaadin:list-ol", title = "nav.scorecard.standard")
@RolesAllowed("ADMIN")
class ScorecardStandardView extends VerticalLayout implements HasDynamicTitle {

    final ResponsiveGrid<Indicator> table = new ResponsiveGrid<>();
    final Paragraph total = new Paragraph();
    final Div form = new Div();
    private final Scorecards scorecards;
    private final StudyCalendar calendar;
    private final boolean province;

    ScorecardStandardView(Scorecards scorecards, OrgDirectory directory, StudyCalendar calendar) {
        this.scorecards = scorecards;
        this.calendar = calendar;
        this.province = directory.administersProvince();
        addClassName("ydk-page");
        table.addColumn(getTranslation("standard.aspect"), i -> getTranslation("scorecard.aspect." + i.aspect()));
        table.addColumn(getTranslation("standard.indicator"), Indicator::title).setFlexGrow(2);
        table.addColumn(getTranslation("standard.weight"), i -> i.weight().stripTrailingZeros().toPlainString());
        table.addColumn(getTranslation("standard.measure"), this::measure).setFlexGrow(2);
        table.addColumn(getTranslation("standard.from"), i -> i.effectiveFrom().toString());
        table.onOpen(getTranslation(province ? "standard.change" : "standard.history"), this::open);
        table.setAriaLabel(getTranslation("nav.scorecard.standard"));
        form.setWidthFull();
        form.setVisible(false);
        add(new H2(getTranslation("nav.scorecard.standard")), new Paragraph(getTranslation(province
                ? "standard.hint.province" : "standard.hint")), total, form, table);
        refresh();
    }

    private void refresh() {
        List<Indicator> inForce = scorecards.inForce(calendar.today());
        total.setText(getTranslation("standard.total", inForce.size(), sum(inForce)));
        table.setItems(inForce);
    }

    private String measure(Indicator indicator) {
        return indicator.measured() ? getTranslation("standard.measure." + indicator.measure(),
                indicator.target().stripTrailingZeros().toPlainString()) : getTranslation("standard.measure.SELF");
    }

    /** The indicator's history, and for the province a form for a new version from tomorrow on. */
    void open(Indicator indicator) {
        form.removeAll();
        form.add(new H3(indicator.title()), new Paragraph(getTranslation("standard.history") + "：" + scorecards
                .history(indicator.code()).stream().map(v -> getTranslation("standard.version", v.version(),
                        v.effectiveFrom().toString(), v.weight().stripTrailingZeros().toPlainString(),
                        "system".equals(v.changedBy()) ? getTranslation("standard.by.system") : v.changedBy(),
                        v.note())).collect(Collectors.joining("；"))));
        if (province) {
            TextArea description = new TextArea(getTranslation("standard.description"));
            description.setWidthFull();
            description.setMaxLength(1000);
            description.setValue(indicator.description());
            BigDecimalField weight = new BigDecimalField(getTranslation("standard.weight"));
            weight.setValue(indicator.weight());
            BigDecimalField target = new BigDecimalField(getTranslation("standard.target"));
            target.setValue(indicator.target());
            target.setVisible(indicator.measured());
            LocalDate tomorrow = calendar.today().plusDays(1);
            DatePicker from = DateFields.accepting(new DatePicker(getTranslation("standard.from"), tomorrow));
            from.setMin(tomorrow);
            TextField note = new TextField(getTranslation("standard.note"));
            note.setWidthFull();
            note.setMaxLength(500);
            Button save = new Button(getTranslation("standard.save"), e -> {
                boolean saved = UserErrors.attempt(() -> scorecards.revise(indicator.code(), description.getValue(),
                        weight.isEmpty() ? BigDecimal.valueOf(-1) : weight.getValue(), target.getValue(),
                        from.getValue() == null ? tomorrow : from.getValue(), note.getValue()));
                if (saved) {
                    Toasts.done("standard.saved", sum(scorecards.inForce(from.getValue() == null ? tomorrow
                            : from.getValue())));
                    form.setVisible(false);
                    refresh();
                }
            });
            save.addClassName("ydk-big-button");
            form.add(description, weight, target, from, note, save);
        }
        Button close = new Button(getTranslation("standard.close"), e -> form.setVisible(false));
        close.addClassName("ydk-big-button");
        form.add(close);
        form.addClassNames("ydk-card", "ydk-scorecard-form");
        form.setVisible(true);
        form.getElement().callJsFunction("scrollIntoView");
    }

    private static String sum(List<Indicator> indicators) {
        return indicators.stream().map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add)
                .stripTrailingZeros().toPlainString();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.scorecard.standard");
    }
}
