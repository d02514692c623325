package org.yundangke.credit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.credit.CreditLedger;
import org.yundangke.credit.CreditRecords;
import org.yundangke.credit.LedgerEntry;
import org.yundangke.base.ui.ResponsiveGrid;

/** A member's entries of a year; a secretary corrects one with a reason the member will read. */
class MemberEntriesDialog extends Dialog {

    private final CreditLedger ledger;
    private final Runnable corrected;

    /** {@code corrected} runs after a correction (the page's totals change). */
    MemberEntriesDialog(CreditLedger ledger, CreditRecords.MemberMonths member, int year, Runnable corrected) {
        super(member.name());
        this.ledger = ledger;
        this.corrected = corrected;
        ResponsiveGrid<LedgerEntry> table = new ResponsiveGrid<>();
        table.addColumn(getTranslation("credit.history"), e -> CreditText.line(this, e)).setFlexGrow(4);
        table.addComponentColumn(getTranslation("assignment.actions"), e -> e.reversesId() != null || e.amount().signum() == 0 ? new Span()
                : new Button(getTranslation("credit.correct"), click -> correct(e))).setKey("actions");
        table.setItems(ledger.entries(member.memberId(), year));
        table.setEmptyStateText(getTranslation("credit.history.empty.title"));
        add(table);
        setWidth("min(60rem, 95vw)");
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
    }

    private void correct(LedgerEntry entry) {
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
            close();
            corrected.run();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }
}
