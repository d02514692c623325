package org.yundangke.credit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.ui.Toasts;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.base.ui.EmptyState;
import org.yundangke.base.ui.UploadTexts;
import org.yundangke.credit.Evidence;
import org.yundangke.credit.EvidenceActivity;
import org.yundangke.credit.EvidenceRecord;
import org.yundangke.org.BranchInfo;
import org.yundangke.org.MemberInfo;
import org.yundangke.org.OrgDirectory;
import org.yundangke.base.ui.DateFields;

/**
 * 记实: a member records an offline activity (date, place, what, who, up to nine photos) for their branch's
 * secretary to approve, and sees each record's state and, when returned, why.
 */
@Route("evidence")
@Menu(order = 3, icon = "vaadin:camera", title = "nav.member.evidence")
@RolesAllowed("MEMBER")
class EvidenceView extends VerticalLayout implements HasDynamicTitle {

    final Select<BranchInfo> branch = new Select<>();
    final Select<EvidenceActivity> activity = new Select<>();
    final DatePicker day = DateFields.accepting(new DatePicker());
    final TextField place = new TextField();
    final TextArea description = new TextArea();
    final TextField attendees = new TextField();
    final Upload photos;
    final Button save = new Button();
    final Div mine = new Div();
    /** The photos added so far, in order; phones often name every photo image.jpg, so names are not keys. */
    private final List<Map.Entry<String, byte[]>> chosen = new ArrayList<>();
    private final Evidence evidence;
    private final MemberInfo member;
    private final StudyCalendar calendar;

    EvidenceView(Evidence evidence, OrgDirectory directory, StudyCalendar calendar) {
        this.calendar = calendar;
        this.evidence = evidence;
        this.member = directory.myMemberRecord().orElseThrow();
        addClassName("ydk-page");
        List<Long> ids = new ArrayList<>(member.managingBranchIds());
        ids.addFirst(member.primaryBranchId());
        branch.setLabel(getTranslation("evidence.branch"));
        branch.setItems(directory.branchesByIds(ids));
        branch.setItemLabelGenerator(BranchInfo::name);
        branch.setValue(branch.getListDataView().getItems().findFirst().orElse(null));
        activity.setLabel(getTranslation("evidence.activity"));
        activity.setItems(EvidenceActivity.values());
        activity.setItemLabelGenerator(a -> getTranslation("evidence.activity." + a));
        activity.setValue(EvidenceActivity.ORG_LIFE);
        day.setLabel(getTranslation("evidence.day"));
        day.setMax(calendar.today());
        day.setValue(calendar.today());
        place.setLabel(getTranslation("evidence.place"));
        place.setMaxLength(200);
        description.setLabel(getTranslation("evidence.description"));
        description.setMaxLength(2000);
        attendees.setLabel(getTranslation("evidence.attendees"));
        attendees.setMaxLength(1000);
        photos = new Upload(UploadHandler.inMemory((metadata, data) -> chosen.add(Map.entry(metadata.fileName(), data))));
        photos.setMaxFiles(Evidence.MAX_PHOTOS);
        UploadTexts.apply(photos, Evidence.MAX_PHOTO_BYTES);
        photos.setAcceptedFileTypes("image/jpeg", "image/png", "image/gif", "image/webp");
        photos.setUploadButton(new Button(getTranslation("evidence.photos")));
        photos.addFileRemovedListener(e -> chosen.stream().filter(c -> c.getKey().equals(e.getFileName())).findFirst()
                .ifPresent(chosen::remove));
        save.setText(getTranslation("evidence.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setDisableOnClick(true); // one tap, one record
        save.addClickListener(e -> {
            try {
                save();
            } finally {
                save.setEnabled(true);
            }
        });
        FormLayout form = new FormLayout(branch, activity, day, place, description, attendees, photos);
        form.setColspan(description, 2);
        form.setColspan(photos, 2);
        add(new H2(getTranslation("nav.member.evidence")), new Paragraph(getTranslation("evidence.hint")), form, save,
                new H3(getTranslation("evidence.mine")), mine);
        showMine();
    }

    private void save() {
        if (branch.isEmpty() || day.isEmpty() || day.isInvalid()) {
            Toasts.problem("evidence.missing");
            return;
        }
        boolean recorded = UserErrors.attempt(() -> evidence.record(new Evidence.NewRecord(member.id(),
                branch.getValue().id(), activity.getValue(), day.getValue(), place.getValue(), description.getValue(),
                attendees.getValue(), chosen.stream().map(Map.Entry::getValue).toList())));
        if (!recorded) {
            return;
        }
        place.clear();
        description.clear();
        attendees.clear();
        chosen.clear();
        photos.clearFileList();
        Toasts.done("evidence.saved");
        showMine();
    }

    private void showMine() {
        mine.removeAll();
        List<EvidenceRecord> records = evidence.ofMember(member.id());
        if (records.isEmpty()) {
            mine.add(new EmptyState(getTranslation("evidence.mine.empty.title"),
                    getTranslation("evidence.mine.empty.text")));
        }
        mine.addClassName("ydk-cards");
        for (EvidenceRecord record : records) {
            Div card = new Div(new Span(CreditText.DATE.format(record.occurredOn()) + " · "
                    + getTranslation("evidence.activity." + record.activity()) + " · " + record.place()),
                    new Paragraph(record.description()),
                    new Span(getTranslation("evidence.state." + record.state())
                            + (record.rejectReason() == null ? "" : getTranslation("credit.because", record.rejectReason()))
                            + " · " + getTranslation("evidence.photo-count", record.photos().size())));
            card.addClassName("ydk-card");
            mine.add(card);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.member.evidence");
    }
}
