package org.yundangke.credit.ui;

import com.vaadin.flow.component.Component;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import org.yundangke.credit.CreditKind;
import org.yundangke.credit.EvidenceActivity;
import org.yundangke.credit.LedgerEntry;

/** Ledger entries in plain words: "3月5日 学完《红船精神》 +1 学时", with why a capped award gave less. */
final class CreditText {

    private CreditText() {
    }

    static String amount(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    static String line(Component context, LedgerEntry entry) {
        String day = context.getTranslation("credit.day", entry.occurredOn().getMonthValue(),
                entry.occurredOn().getDayOfMonth());
        String what = context.getTranslation(entry.reversesId() != null ? "credit.source.CORRECTION"
                : entry.activity() == EvidenceActivity.ASSISTED_STUDY ? "credit.source.ASSISTED"
                : "credit.source." + entry.source(), entry.title());
        String sign = entry.amount().signum() < 0 ? "" : "+";
        String unit = context.getTranslation(entry.kind() == CreditKind.STUDY_HOURS ? "credit.hours" : "credit.points");
        StringBuilder line = new StringBuilder(day).append(' ').append(what).append(' ').append(sign)
                .append(amount(entry.amount())).append(' ').append(unit);
        if (entry.cappedReason() != null) {
            line.append(' ').append(context.getTranslation("credit.capped." + entry.cappedReason()));
        }
        if (entry.note() != null) {
            line.append(' ').append(context.getTranslation("credit.because", entry.note()));
        }
        return line.toString();
    }

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
}
