package org.yundangke.catalogue.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonDraft;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.catalogue.LessonState;
import org.yundangke.media.MediaInfo;
import org.yundangke.media.MediaLibrary;
import org.yundangke.media.MediaState;
import org.yundangke.org.CommitteeInfo;
import org.yundangke.org.OrgDirectory;

/**
 * 党课管理: editors make lessons of their ready talks (title, speaker, category, summary, audience), publish them and
 * take them down again. A lecturer's lessons go to everyone; an admin can aim one at committees of their area.
 */
@Route("lessons")
@Menu(order = 22, icon = "vaadin:book", title = "nav.lessons")
@RolesAllowed({"LECTURER", "ADMIN"})
class LessonsEditorView extends VerticalLayout implements HasDynamicTitle {

    static final List<String> CATEGORIES = List.of("党史学习", "理论学习", "政策解读", "红色故事", "身边榜样", "健康生活");

    final Grid<LessonInfo> grid = new Grid<>();
    final Button create = new Button();
    private final Catalogue catalogue;
    private final MediaLibrary media;
    private final List<CommitteeInfo> committees;

    LessonsEditorView(Catalogue catalogue, MediaLibrary media, OrgDirectory directory,
                      AuthenticationContext authentication) {
        this.catalogue = catalogue;
        this.media = media;
        this.committees = authentication.hasRole("ADMIN") ? directory.committeesInScope() : List.of();
        addClassName("ydk-page");
        setSizeFull();
        create.setText(getTranslation("lessons.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openEditor());

        grid.addComponentColumn(this::lessonLink).setHeader(getTranslation("lessons.title")).setFlexGrow(3);
        grid.addColumn(LessonInfo::speaker).setHeader(getTranslation("lessons.speaker"));
        grid.addColumn(l -> getTranslation("lessons.state." + l.state())).setHeader(getTranslation("lessons.state"))
                .setKey("state");
        grid.addColumn(this::audience).setHeader(getTranslation("lessons.audience")).setFlexGrow(2);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("media.actions")).setAutoWidth(true)
                .setFlexGrow(0).setKey("actions");
        grid.setItems(query -> catalogue.editorsList(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.setEmptyStateText(getTranslation("lessons.empty"));
        grid.setAriaLabel(getTranslation("nav.lessons"));
        add(new H2(getTranslation("nav.lessons")), create, grid);
    }

    /** The lesson page as members see it (it lives in the study module: a route, not a class, keeps them apart). */
    private Anchor lessonLink(LessonInfo lesson) {
        Anchor link = new Anchor("lessons/" + lesson.id(), lesson.title());
        link.getElement().setAttribute("router-link", true);
        return link;
    }

    private String audience(LessonInfo lesson) {
        if (lesson.everyone()) {
            return getTranslation("lessons.audience.everyone");
        }
        return committees.stream().filter(c -> lesson.audienceCommittees().contains(c.id())).map(CommitteeInfo::name)
                .collect(Collectors.joining("、"));
    }

    private HorizontalLayout actions(LessonInfo lesson) {
        HorizontalLayout buttons = new HorizontalLayout();
        if (lesson.state() != LessonState.PUBLISHED) {
            Button publish = new Button(getTranslation("lessons.publish"), e -> {
                catalogue.publish(lesson.id());
                grid.getDataProvider().refreshAll();
            });
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            buttons.add(publish);
        } else {
            buttons.add(new Button(getTranslation("lessons.archive"), e -> {
                catalogue.archive(lesson.id());
                grid.getDataProvider().refreshAll();
            }));
        }
        return buttons;
    }

    void openEditor() {
        List<MediaInfo> ready = media.list(PageRequest.of(0, 200)).stream()
                .filter(m -> m.state() == MediaState.READY).toList();
        Dialog dialog = new Dialog(getTranslation("lessons.create"));
        if (ready.isEmpty()) {
            dialog.add(getTranslation("lessons.no-ready-talk"));
            dialog.getFooter().add(new Button(getTranslation("media.close"), e -> dialog.close()));
            dialog.open();
            return;
        }
        Select<MediaInfo> talk = new Select<>();
        talk.setLabel(getTranslation("lessons.talk"));
        talk.setItems(ready);
        talk.setItemLabelGenerator(MediaInfo::title);
        TextField title = new TextField(getTranslation("lessons.title"));
        title.setRequired(true);
        title.setMaxLength(200);
        talk.addValueChangeListener(e -> {
            if (e.getValue() != null && title.isEmpty()) {
                title.setValue(e.getValue().title());
            }
        });
        talk.setValue(ready.getFirst());
        TextField speaker = new TextField(getTranslation("lessons.speaker"));
        speaker.setRequired(true);
        speaker.setMaxLength(100);
        ComboBox<String> category = new ComboBox<>(getTranslation("lessons.category"), CATEGORIES);
        category.setAllowCustomValue(true);
        category.addCustomValueSetListener(e -> category.setValue(e.getDetail()));
        category.setValue(CATEGORIES.getFirst());
        TextArea summary = new TextArea(getTranslation("lessons.summary"));
        summary.setMaxLength(2000);
        MultiSelectComboBox<CommitteeInfo> audience = new MultiSelectComboBox<>(getTranslation("lessons.audience"));
        audience.setItems(committees);
        audience.setItemLabelGenerator(CommitteeInfo::name);
        audience.setHelperText(getTranslation("lessons.audience.help"));
        audience.setVisible(!committees.isEmpty());

        FormLayout form = new FormLayout(talk, title, speaker, category, summary, audience);
        form.setColspan(summary, 2);
        dialog.add(form);
        Button save = new Button(getTranslation("lessons.save-draft"), e -> save(dialog, false, talk, title, speaker,
                category, summary, audience));
        Button publish = new Button(getTranslation("lessons.save-publish"), e -> save(dialog, true, talk, title,
                speaker, category, summary, audience));
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("media.cancel"), e -> dialog.close()), save, publish);
        dialog.setWidth("min(48rem, 95vw)");
        dialog.open();
    }

    private void save(Dialog dialog, boolean publish, Select<MediaInfo> talk, TextField title, TextField speaker,
                      ComboBox<String> category, TextArea summary, MultiSelectComboBox<CommitteeInfo> audience) {
        if (talk.isEmpty() || title.getValue().isBlank() || speaker.getValue().isBlank() || category.isEmpty()) {
            Notification.show(getTranslation("lessons.missing"), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        Set<Long> committeeIds = audience.getValue().stream().map(CommitteeInfo::id).collect(Collectors.toSet());
        LessonInfo lesson = catalogue.createDraft(new LessonDraft(talk.getValue().id(), title.getValue(),
                speaker.getValue(), summary.getValue(), category.getValue(), committeeIds));
        if (publish) {
            catalogue.publish(lesson.id());
        }
        dialog.close();
        grid.getDataProvider().refreshAll();
        Notification.show(getTranslation(publish ? "lessons.published" : "lessons.saved", lesson.title()), 5000,
                Notification.Position.BOTTOM_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.lessons");
    }
}
