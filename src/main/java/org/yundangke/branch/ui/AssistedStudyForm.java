package org.yundangke.branch.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.ui.DateFields;
import org.yundangke.base.ui.Toasts;
import org.yundangke.base.ui.UploadTexts;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.branch.AssistedStudy;
import org.yundangke.credit.Evidence;
import org.yundangke.study.CompletionMatrix;

/**
 * 送学上门 for one member, on the matrix page (not a pop-up): which of their open assignments was studied, when,
 * where, who helped, and an optional photo. Saving completes the assignment and sends a 记实 record for approval.
 */
class AssistedStudyForm extends Div {

    final H3 heading = new H3();
    final ComboBox<CompletionMatrix.Column> assignment = new ComboBox<>();
    final DatePicker day = DateFields.accepting(new DatePicker());
    final TextField place = new TextField();
    final TextField helper = new TextField();
    final Upload photo;
    final Button save = new Button();
    private final List<Map.Entry<String, byte[]>> chosen = new ArrayList<>();
    private final AssistedStudy assisted;
    private final StudyCalendar calendar;
    private long memberId;
    private @Nullable Runnable saved;

    AssistedStudyForm(AssistedStudy assisted, StudyCalendar calendar) {
        this.assisted = assisted;
        this.calendar = calendar;
        addClassNames("ydk-card", "ydk-assist-form");
        assignment.setLabel(getTranslation("assisted.assignment"));
        assignment.setItemLabelGenerator(c -> c.study().title());
        day.setLabel(getTranslation("assisted.day"));
        place.setLabel(getTranslation("assisted.place"));
        place.setMaxLength(200);
        helper.setLabel(getTranslation("assisted.helper.label"));
        helper.setHelperText(getTranslation("assisted.helper.help"));
        helper.setMaxLength(100);
        photo = new Upload(UploadHandler.inMemory((metadata, data) -> chosen.add(Map.entry(metadata.fileName(), data))));
        photo.setMaxFiles(3);
        UploadTexts.apply(photo, Evidence.MAX_PHOTO_BYTES);
        photo.setAcceptedFileTypes("image/jpeg", "image/png", "image/gif", "image/webp");
        photo.setUploadButton(new Button(getTranslation("assisted.photo")));
        photo.addFileRemovedListener(e -> chosen.removeIf(c -> c.getKey().equals(e.getFileName())));
        save.setText(getTranslation("assisted.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        Button cancel = new Button(getTranslation("action.cancel"), e -> setVisible(false));
        FormLayout form = new FormLayout(assignment, day, place, helper, photo);
        form.setColspan(photo, 2);
        add(heading, new Paragraph(getTranslation("assisted.hint")), form, new HorizontalLayout(save, cancel));
    }

    /** Fills the form for a member: the assignments asked of them and not yet finished. */
    void show(CompletionMatrix.Row row, List<CompletionMatrix.Column> columns) {
        memberId = row.member().memberId();
        heading.setText(getTranslation("assisted.title", row.member().name()));
        List<CompletionMatrix.Column> open = IntStream.range(0, columns.size())
                .filter(c -> !row.cells().get(c).state().finished()
                        && row.cells().get(c).state() != CompletionMatrix.State.NOT_ASKED
                        && columns.get(c).study().available())
                .mapToObj(columns::get).toList();
        assignment.setItems(open);
        assignment.setValue(open.isEmpty() ? null : open.getFirst());
        day.setMax(calendar.today());
        day.setValue(calendar.today());
        place.setValue(getTranslation("assisted.place.home"));
        helper.clear();
        chosen.clear();
        photo.clearFileList();
        assignment.focus();
    }

    void onSaved(Runnable saved) {
        this.saved = saved;
    }

    private void save() {
        if (assignment.isEmpty() || day.isEmpty() || day.isInvalid()) {
            Toasts.problem("assisted.missing");
            return;
        }
        boolean recorded = UserErrors.attempt(() -> assisted.record(new AssistedStudy.Help(
                assignment.getValue().study().assignment().id(), memberId, day.getValue(), place.getValue(),
                helper.getValue(), chosen.stream().map(Map.Entry::getValue).toList())));
        if (recorded) {
            Toasts.done("assisted.saved");
            if (saved != null) {
                saved.run();
            }
        }
    }
}
