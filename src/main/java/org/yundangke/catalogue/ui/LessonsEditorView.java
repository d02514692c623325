package org.yundangke.catalogue.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.yundangke.catalogue.ArticleImages;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.catalogue.LessonState;
import org.yundangke.media.MediaInfo;
import org.yundangke.media.MediaLibrary;
import org.yundangke.media.MediaState;
import org.yundangke.org.BranchInfo;
import org.yundangke.org.CommitteeInfo;
import org.yundangke.org.OrgDirectory;
import org.yundangke.base.ui.ResponsiveGrid;

/**
 * 党课管理: editors make lessons of their ready talks or write articles ({@link LessonEditor}), publish them and
 * take them down again. A lecturer's lessons go to everyone; an admin aims one at committees or branches of their
 * area (their whole area when none is chosen) and sees the lessons aimed inside it.
 */
@Route("lessons")
@Menu(order = 22, icon = "vaadin:book", title = "nav.lessons")
@RolesAllowed({"LECTURER", "ADMIN"})
class LessonsEditorView extends VerticalLayout implements HasDynamicTitle {

    final ResponsiveGrid<LessonInfo> table = new ResponsiveGrid<>();
    final Grid<LessonInfo> grid = table.grid;
    final Button create = new Button();
    private final Catalogue catalogue;
    private final MediaLibrary media;
    private final ArticleImages images;
    private final List<CommitteeInfo> committees;
    private final List<BranchInfo> branches;

    LessonsEditorView(Catalogue catalogue, MediaLibrary media, ArticleImages images, OrgDirectory directory,
                      AuthenticationContext authentication) {
        this.catalogue = catalogue;
        this.images = images;
        this.media = media;
        this.committees = authentication.hasRole("ADMIN") ? directory.committeesInScope() : List.of();
        this.branches = authentication.hasRole("ADMIN") ? directory.branchesInScope() : List.of();
        addClassName("ydk-page");
        setSizeFull();
        create.setText(getTranslation("lessons.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openEditor());

        table.addComponentColumn(getTranslation("lessons.title"), this::lessonLink).setFlexGrow(3);
        table.addColumn(getTranslation("lessons.speaker"), LessonInfo::speaker);
        table.addColumn(getTranslation("lessons.state"), l -> getTranslation("lessons.state." + l.state()))
                .setKey("state");
        table.addColumn(getTranslation("lessons.audience"), this::audience).setFlexGrow(2);
        table.addComponentColumn(getTranslation("media.actions"), this::actions).setAutoWidth(true)
                .setFlexGrow(0).setKey("actions");
        table.setItems(query -> catalogue.editorsList(VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        table.setEmptyStateText(getTranslation("lessons.empty"));
        table.setAriaLabel(getTranslation("nav.lessons"));
        add(new H2(getTranslation("nav.lessons")), create, table);
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
        return java.util.stream.Stream.concat(
                committees.stream().filter(c -> lesson.audienceCommittees().contains(c.id())).map(CommitteeInfo::name),
                branches.stream().filter(b -> lesson.audienceBranches().contains(b.id())).map(BranchInfo::name))
                .collect(Collectors.joining("、"));
    }

    private HorizontalLayout actions(LessonInfo lesson) {
        HorizontalLayout buttons = new HorizontalLayout();
        if (lesson.state() != LessonState.PUBLISHED) {
            Button publish = new Button(getTranslation("lessons.publish"), e -> {
                catalogue.publish(lesson.id());
                table.refresh();
            });
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            buttons.add(publish);
        } else {
            buttons.add(new Button(getTranslation("lessons.archive"), e -> {
                catalogue.archive(lesson.id());
                table.refresh();
            }));
        }
        return buttons;
    }

    void openEditor() {
        List<MediaInfo> ready = media.list(PageRequest.of(0, 200)).stream()
                .filter(m -> m.state() == MediaState.READY).toList();
        new LessonEditor(catalogue, images, ready, committees, branches, lesson -> table.refresh())
                .open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.lessons");
    }
}
