package org.yundangke.credit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.yundangke.base.ui.EmptyState;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.credit.Evidence;
import org.yundangke.credit.EvidenceRecord;

/** A branch's 记实 records waiting for the secretary, one card each with its photos: approve, or reject with a reason. */
class PendingEvidence extends Div {

    private final Evidence evidence;
    private final Runnable decided;

    /** {@code decided} runs after each approval or rejection (the page's totals change). */
    PendingEvidence(Evidence evidence, Runnable decided) {
        this.evidence = evidence;
        this.decided = decided;
        addClassName("ydk-cards");
    }

    void show(long branchId) {
        removeAll();
        List<EvidenceRecord> waiting = evidence.pending(branchId);
        if (waiting.isEmpty()) {
            add(new EmptyState(getTranslation("credit.pending.empty.title"),
                    getTranslation("credit.pending.empty.text")));
        }
        waiting.forEach(record -> add(card(record)));
    }

    private Div card(EvidenceRecord record) {
        Button approve = new Button(getTranslation("credit.approve"), e -> decide(() -> evidence.approve(record.id())));
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reject = new Button(getTranslation("credit.reject"), e -> askReason(record));
        Div card = new Div(new Span(record.memberName() + " · " + CreditText.DATE.format(record.occurredOn()) + " · "
                + getTranslation("evidence.activity." + record.activity())), new Paragraph(record.place() + "："
                + record.description()), new Span(getTranslation("evidence.attendees") + "：" + record.attendees()),
                photos(record), new HorizontalLayout(approve, reject));
        card.addClassName("ydk-card");
        card.getElement().setAttribute("data-record", record.id().toString());
        return card;
    }

    private Div photos(EvidenceRecord record) {
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
        return photos;
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
        boolean done = UserErrors.attempt(decision);
        if (done) {
            decided.run();
        }
        return done;
    }
}
