package org.yundangke.credit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.ui.Toasts;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.credit.CreditRule;
import org.yundangke.credit.CreditRules;
import org.yundangke.base.ui.ResponsiveGrid;
import org.yundangke.base.ui.DateFields;

/**
 * 学分规则: every award rule as it stands, changes already scheduled, and each rule's history. A change takes effect
 * from a date (today at the earliest) and never alters what was awarded before it.
 */
@Route("credit-rules")
@Menu(order = 32, icon = "vaadin:scale", title = "nav.admin.rules")
@RolesAllowed("ADMIN")
class CreditRulesView extends VerticalLayout implements HasDynamicTitle {

    final ResponsiveGrid<CreditRule> table = new ResponsiveGrid<>();
    final Grid<CreditRule> grid = table.grid;
    private final CreditRules rules;
    private final StudyCalendar calendar;

    CreditRulesView(CreditRules rules, StudyCalendar calendar) {
        this.calendar = calendar;
        this.rules = rules;
        addClassName("ydk-page");
        table.addColumn(getTranslation("credit.rule"), r -> getTranslation("credit.rule." + r.code()))
                .setFlexGrow(3);
        table.addColumn(getTranslation("credit.rule.amount"), r -> CreditText.amount(r.amount()) + " " + getTranslation(
                r.kind() == org.yundangke.credit.CreditKind.STUDY_HOURS ? "credit.hours" : "credit.points"));
        table.addColumn(getTranslation("credit.rule.minutes"), r -> r.minutes() == null ? "" : String.valueOf(r.minutes()));
        table.addColumn(getTranslation("credit.rule.daily-cap"), r -> r.dailyCap() == null ? "" : CreditText.amount(r.dailyCap()));
        table.addColumn(getTranslation("credit.rule.yearly-cap"), r -> r.yearlyCap() == null ? "" : CreditText.amount(r.yearlyCap()));
        table.addColumn(getTranslation("credit.rule.from"), r -> CreditText.DATE.format(r.effectiveFrom()));
        table.addComponentColumn(getTranslation("assignment.actions"), r -> new Button(getTranslation("credit.rule.change"), e -> edit(r)))
                .setKey("actions");
        table.setAriaLabel(getTranslation("nav.admin.rules"));
        table.setItems(rules.current());
        add(new H2(getTranslation("nav.admin.rules")), new Paragraph(getTranslation("credit.rules.hint")), table);
    }

    void edit(CreditRule rule) {
        Dialog dialog = new Dialog(getTranslation("credit.rule." + rule.code()));
        BigDecimalField amount = new BigDecimalField(getTranslation("credit.rule.amount"));
        amount.setValue(rule.amount());
        IntegerField minutes = new IntegerField(getTranslation("credit.rule.minutes"));
        minutes.setValue(rule.minutes());
        BigDecimalField daily = new BigDecimalField(getTranslation("credit.rule.daily-cap"));
        daily.setValue(rule.dailyCap());
        BigDecimalField yearly = new BigDecimalField(getTranslation("credit.rule.yearly-cap"));
        yearly.setValue(rule.yearlyCap());
        LocalDate today = calendar.today();
        DatePicker from = DateFields.accepting(new DatePicker(getTranslation("credit.rule.from"), today.plusDays(1)));
        from.setMin(today.plusDays(1));
        TextField note = new TextField(getTranslation("credit.rule.note"));
        note.setMaxLength(500);
        dialog.add(new FormLayout(amount, minutes, daily, yearly, from, note));
        dialog.add(new Paragraph(getTranslation("credit.rule.history") + "："
                + String.join("；", rules.history(rule.code()).stream().map(r -> "v" + r.version() + " "
                + CreditText.DATE.format(r.effectiveFrom()) + " " + CreditText.amount(r.amount()) + " ("
                + r.changedBy() + ")").toList())));
        Button save = new Button(getTranslation("credit.rule.save"), e -> {
            if (amount.getValue() == null) {
                amount.setInvalid(true);
                amount.setErrorMessage(getTranslation("credit.rule.amount.missing"));
                return;
            }
            boolean changed = UserErrors.attempt(() -> rules.change(rule.code(), amount.getValue(), minutes.getValue(),
                    daily.getValue(), yearly.getValue(), from.getValue() == null ? today.plusDays(1) : from.getValue(),
                    note.getValue()));
            if (!changed) {
                return;
            }
            dialog.close();
            table.setItems(rules.current());
            Toasts.done("credit.rule.saved");
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.setWidth("min(44rem, 95vw)");
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.admin.rules");
    }
}
