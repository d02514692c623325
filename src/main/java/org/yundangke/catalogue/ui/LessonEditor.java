package org.yundangke.catalogue.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.yundangke.base.ui.Toasts;
import org.yundangke.base.ui.UserErrors;
import org.yundangke.base.ui.UploadTexts;
import org.yundangke.catalogue.ArticleHtml;
import org.yundangke.catalogue.ArticleImages;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.CourseInfo;
import org.yundangke.catalogue.LessonDraft;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.media.MediaInfo;
import org.yundangke.org.BranchInfo;
import org.yundangke.org.CommitteeInfo;

/**
 * The form for a new lesson: a talk (one of the editor's ready ones) or an article written in Markdown with pictures;
 * title, speaker, category, tags, summary, course (专题, with "new course" right here) and, for admins, the audience.
 */
class LessonEditor extends Dialog {

    enum Kind { TALK, ARTICLE }

    final RadioButtonGroup<Kind> kind = new RadioButtonGroup<>();
    final Select<MediaInfo> talk = new Select<>();
    final TextField title = new TextField();
    final TextField speaker = new TextField();
    final ComboBox<String> category = new ComboBox<>();
    final TextField tags = new TextField();
    final TextArea summary = new TextArea();
    final TextArea body = new TextArea();
    final Upload image;
    final Html preview = new Html(ArticleHtml.render(""));
    final ComboBox<CourseInfo> course = new ComboBox<>();
    final MultiSelectComboBox<CommitteeInfo> audience = new MultiSelectComboBox<>();
    final MultiSelectComboBox<BranchInfo> branches = new MultiSelectComboBox<>();
    private final Catalogue catalogue;
    private final Consumer<LessonInfo> saved;

    LessonEditor(Catalogue catalogue, ArticleImages images, List<MediaInfo> readyTalks, List<CommitteeInfo> committees,
                 List<BranchInfo> branchesInScope, Consumer<LessonInfo> saved) {
        this.catalogue = catalogue;
        this.saved = saved;
        setHeaderTitle(getTranslation("lessons.create"));
        kind.setLabel(getTranslation("lessons.kind"));
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(k -> getTranslation("lessons.kind." + k));
        talk.setLabel(getTranslation("lessons.talk"));
        talk.setItems(readyTalks);
        talk.setItemLabelGenerator(MediaInfo::title);
        talk.setEmptySelectionCaption(getTranslation("lessons.no-ready-talk"));
        title.setLabel(getTranslation("lessons.title"));
        title.setRequired(true);
        title.setMaxLength(200);
        talk.addValueChangeListener(e -> {
            if (e.getValue() != null && title.isEmpty()) {
                title.setValue(e.getValue().title());
            }
        });
        speaker.setLabel(getTranslation("lessons.speaker"));
        speaker.setRequired(true);
        speaker.setMaxLength(100);
        category.setLabel(getTranslation("lessons.category"));
        List<String> categories = catalogue.categorySuggestions(
                List.of(getTranslation("lessons.categories.starting").split(",")));
        category.setItems(categories);
        category.setAllowCustomValue(true);
        category.addCustomValueSetListener(e -> category.setValue(e.getDetail()));
        category.setValue(categories.getFirst());
        tags.setLabel(getTranslation("lessons.tags"));
        tags.setHelperText(getTranslation("lessons.tags.help"));
        tags.setMaxLength(200);
        summary.setLabel(getTranslation("lessons.summary"));
        summary.setMaxLength(2000);
        body.setLabel(getTranslation("lessons.body"));
        body.setHelperText(getTranslation("lessons.body.help"));
        body.setMinHeight("12rem");
        body.addValueChangeListener(e -> preview.setHtmlContent(ArticleHtml.render(e.getValue())));
        image = new Upload(UploadHandler.inMemory((metadata, data) -> addImage(images, data)));
        image.setAcceptedFileTypes("image/jpeg", "image/png", "image/gif", "image/webp");
        image.setMaxFiles(20);
        UploadTexts.apply(image, ArticleImages.MAX_BYTES);
        image.setUploadButton(new Button(getTranslation("lessons.image")));
        course.setLabel(getTranslation("lessons.course"));
        course.setItems(catalogue.editorsCourses());
        course.setItemLabelGenerator(CourseInfo::title);
        course.setClearButtonVisible(true);
        course.setHelperText(getTranslation("lessons.course.help"));
        Button newCourse = new Button(getTranslation("lessons.course.new"), e -> openCourseForm());
        audience.setLabel(getTranslation("lessons.audience"));
        audience.setItems(committees);
        audience.setItemLabelGenerator(CommitteeInfo::name);
        // committees in scope come parents first: the first is the admin's own; only the province's reaches everyone
        audience.setHelperText(committees.isEmpty() || committees.getFirst().parentId() == null
                ? getTranslation("lessons.audience.help")
                : getTranslation("lessons.audience.help.area", committees.getFirst().name()));
        audience.setVisible(!committees.isEmpty());
        branches.setLabel(getTranslation("lessons.audience.branches"));
        branches.setItems(branchesInScope);
        branches.setItemLabelGenerator(BranchInfo::name);
        branches.setHelperText(getTranslation("lessons.audience.branches.help"));
        branches.setVisible(!branchesInScope.isEmpty());

        FormLayout form = new FormLayout(kind, talk, title, speaker, category, tags, summary, body, image, preview,
                course, newCourse, audience, branches);
        form.setColspan(kind, 2);
        form.setColspan(summary, 2);
        form.setColspan(body, 2);
        form.setColspan(image, 2);
        form.setColspan(preview, 2);
        add(form);
        kind.addValueChangeListener(e -> showFieldsFor(e.getValue()));
        kind.setValue(readyTalks.isEmpty() ? Kind.ARTICLE : Kind.TALK);
        if (!readyTalks.isEmpty()) {
            talk.setValue(readyTalks.getFirst());
        }

        Button save = new Button(getTranslation("lessons.save-draft"));
        Button publish = new Button(getTranslation("lessons.save-publish"));
        for (Button button : List.of(save, publish)) {
            button.setDisableOnClick(true); // one tap, one lesson
            button.addClickListener(e -> {
                try {
                    save(button == publish);
                } finally {
                    save.setEnabled(true);
                    publish.setEnabled(true);
                }
            });
        }
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save, publish);
        setWidth("min(56rem, 95vw)");
    }

    private void showFieldsFor(Kind chosen) {
        boolean article = chosen == Kind.ARTICLE;
        talk.setVisible(!article);
        body.setVisible(article);
        image.setVisible(article);
        preview.setVisible(article);
    }

    /** A picture goes into the store at once; its Markdown goes where the editor is writing (the end of the text). */
    private void addImage(ArticleImages images, byte[] data) {
        UserErrors.attemptGet(() -> images.upload(data)).ifPresent(url -> {
            String text = body.getValue();
            body.setValue(text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n![](" + url + ")\n");
        });
    }

    private void openCourseForm() {
        Dialog form = new Dialog(getTranslation("lessons.course.new"));
        TextField courseTitle = new TextField(getTranslation("lessons.course.title"));
        courseTitle.setMaxLength(200);
        courseTitle.setWidthFull();
        TextArea courseSummary = new TextArea(getTranslation("lessons.summary"));
        courseSummary.setMaxLength(2000);
        courseSummary.setWidthFull();
        form.add(new FormLayout(courseTitle, courseSummary));
        Button create = new Button(getTranslation("lessons.course.create"), e -> {
            if (courseTitle.getValue().isBlank()) {
                courseTitle.setInvalid(true);
                courseTitle.setErrorMessage(getTranslation("lessons.course.missing"));
                return;
            }
            CourseInfo made = catalogue.createCourse(courseTitle.getValue(), courseSummary.getValue());
            course.setItems(catalogue.editorsCourses());
            course.setValue(course.getListDataView().getItems().filter(c -> c.id().equals(made.id())).findFirst()
                    .orElse(null));
            form.close();
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.getFooter().add(new Button(getTranslation("action.cancel"), e -> form.close()), create);
        form.open();
    }

    private void save(boolean publish) {
        boolean article = kind.getValue() == Kind.ARTICLE;
        boolean missing = title.getValue().isBlank() || speaker.getValue().isBlank() || category.isEmpty()
                || (article ? body.getValue().isBlank() : talk.isEmpty());
        if (missing) {
            Toasts.problem(article ? "lessons.missing.article" : "lessons.missing");
            return;
        }
        Set<Long> committeeIds = audience.getValue().stream().map(CommitteeInfo::id).collect(Collectors.toSet());
        Set<Long> branchIds = branches.getValue().stream().map(BranchInfo::id).collect(Collectors.toSet());
        LessonDraft draft = new LessonDraft(article ? null : talk.getValue().id(), title.getValue(),
                speaker.getValue(), summary.getValue(), category.getValue(), committeeIds, branchIds, tags.getValue(),
                course.getValue() == null ? null : course.getValue().id(), article ? body.getValue() : null);
        LessonInfo lesson = UserErrors.attemptGet(() -> catalogue.createDraft(draft)).orElse(null);
        if (lesson == null) {
            return;
        }
        if (publish) {
            catalogue.publish(lesson.id());
        }
        close();
        saved.accept(lesson);
        Toasts.done(publish ? "lessons.published" : "lessons.saved", lesson.title());
    }
}
