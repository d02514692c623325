package org.yundangke.credit.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.yundangke.base.ui.EmptyState;
import org.yundangke.credit.CreditDocuments;
import org.yundangke.credit.CreditLedger;
import org.yundangke.credit.CreditRecords;
import org.yundangke.credit.LedgerEntry;

/**
 * 我的学习档案: this year's 学时 as a large ring towards the target, points, what earned them in plain words, earlier
 * years, and the yearly certificate to download. Only the member (and their secretaries) see it.
 */
@Route("record")
@Menu(order = 2, icon = "vaadin:diploma", title = "nav.member.record")
@RolesAllowed("MEMBER")
class MyRecordView extends VerticalLayout implements HasDynamicTitle {

    final Select<Integer> year = new Select<>();
    final Div ring = new Div();
    final Span points = new Span();
    final Paragraph standing = new Paragraph();
    final UnorderedList history = new UnorderedList();
    final Anchor certificate = new Anchor();
    private final CreditRecords records;
    private final CreditLedger ledger;
    private final CreditDocuments documents;
    private final long memberId;

    MyRecordView(CreditRecords records, CreditLedger ledger, CreditDocuments documents) {
        this.records = records;
        this.ledger = ledger;
        this.documents = documents;
        this.memberId = records.myMemberId();
        addClassName("ydk-page");
        add(new H2(getTranslation("nav.member.record")));
        List<Integer> years = records.years(memberId);
        year.setLabel(getTranslation("credit.year"));
        year.setItems(years);
        year.setItemLabelGenerator(y -> getTranslation("credit.year.label", String.valueOf(y)));
        ring.addClassName("ydk-ring");
        ring.getElement().setAttribute("role", "img");
        points.addClassName("ydk-points");
        certificate.addClassName("ydk-big-link");
        certificate.getElement().setAttribute("download", true);
        history.addClassName("ydk-history");
        Anchor evidence = new Anchor("evidence", getTranslation("credit.record.evidence"));
        evidence.getElement().setAttribute("router-link", true);
        evidence.addClassName("ydk-own-line");
        add(year, ring, points, standing, certificate, new H3(getTranslation("credit.history")), history, evidence);
        year.addValueChangeListener(e -> show(e.getValue()));
        year.setValue(years.getFirst());
    }

    private void show(int chosen) {
        CreditRecords.YearSummary summary = records.year(memberId, chosen);
        BigDecimal share = summary.target().signum() == 0 ? BigDecimal.ONE
                : summary.studyHours().divide(summary.target(), 4, RoundingMode.HALF_UP).min(BigDecimal.ONE);
        int percent = share.multiply(BigDecimal.valueOf(100)).intValue();
        ring.getElement().getStyle().set("--ydk-ring-share", percent + "%");
        String hours = getTranslation("credit.ring", CreditText.amount(summary.studyHours()),
                CreditText.amount(summary.target()));
        ring.setText(hours);
        ring.getElement().setAttribute("aria-label", hours);
        points.setText(getTranslation("credit.points.total", CreditText.amount(summary.points())));
        standing.setText((summary.targetReached() ? getTranslation("credit.target.reached")
                : getTranslation("credit.target.left", CreditText.amount(summary.target().subtract(summary.studyHours()))))
                + " " + getTranslation("credit.lessons", summary.lessonsCompleted(), summary.evidenceRecords()));
        certificate.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] pdf = documents.certificate(memberId, chosen);
            return new DownloadResponse(new ByteArrayInputStream(pdf), "study-certificate-" + chosen + ".pdf",
                    "application/pdf", pdf.length);
        }));
        certificate.setText(getTranslation("credit.certificate", String.valueOf(chosen)));
        history.removeAll();
        List<LedgerEntry> entries = ledger.entries(memberId, chosen);
        if (entries.isEmpty()) {
            history.add(new ListItem(new EmptyState(getTranslation("credit.history.empty.title"),
                    getTranslation("credit.history.empty.text"))));
        }
        entries.forEach(e -> history.add(new ListItem(CreditText.line(this, e))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.member.record");
    }
}
