package org.yundangke.study.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.yundangke.base.ui.EmptyState;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.CourseInfo;
import org.yundangke.catalogue.LessonInfo;

/** The whole catalogue for a member: courses (专题) in order, and every lesson by category, a page at a time. */
@Route("browse")
@Menu(order = 1, icon = "vaadin:book", title = "nav.member.browse")
@RolesAllowed("MEMBER")
class BrowseView extends VerticalLayout implements HasDynamicTitle {

    static final int PAGE = 12;

    final Div categories = new Div();
    final Div lessons = new Div();
    final Button more = new Button();
    private final Catalogue catalogue;
    private @Nullable String category;
    private int page;

    BrowseView(Catalogue catalogue) {
        this.catalogue = catalogue;
        addClassName("ydk-page");
        add(new H2(getTranslation("nav.member.browse")));

        List<CourseInfo> courses = catalogue.coursesForMe();
        if (!courses.isEmpty()) {
            Div cards = new Div();
            cards.addClassName("ydk-cards");
            for (CourseInfo course : courses) {
                RouterLink open = new RouterLink(course.title(), CourseView.class,
                        new RouteParameters(CourseView.COURSE_ID, course.id().toString()));
                cards.add(LessonCards.courseCard(this, open, course.summary()));
            }
            add(new Section(new H3(getTranslation("browse.courses")), cards));
        }

        categories.addClassName("ydk-choices");
        categories.getElement().setAttribute("role", "group");
        categories.getElement().setAttribute("aria-label", getTranslation("browse.categories"));
        List<String> names = new ArrayList<>();
        names.add(null);
        names.addAll(catalogue.categoriesForMe());
        names.forEach(name -> categories.add(categoryButton(name)));
        more.setText(getTranslation("browse.more"));
        more.addClickListener(e -> showPage(page + 1));
        add(new Section(new H3(getTranslation("browse.categories")), categories, lessons, more));
        choose(null);
    }

    private Button categoryButton(@Nullable String name) {
        Button button = new Button(name == null ? getTranslation("browse.all") : name, e -> choose(name));
        button.getElement().setAttribute("data-category", name == null ? "" : name);
        return button;
    }

    private void choose(@Nullable String name) {
        category = name;
        categories.getChildren().forEach(c -> c.getElement().setAttribute("aria-pressed",
                String.valueOf(c.getElement().getAttribute("data-category").equals(name == null ? "" : name))));
        lessons.removeAll();
        showPage(0);
    }

    private void showPage(int number) {
        page = number;
        Page<LessonInfo> found = catalogue.forMe(category, PageRequest.of(number, PAGE));
        if (found.isEmpty() && number == 0) {
            lessons.add(new EmptyState(getTranslation("browse.empty.title"), getTranslation("browse.empty.text")));
        }
        lessons.add(LessonCards.of(this, found.getContent(), l -> l.category()));
        more.setVisible(found.hasNext());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.member.browse");
    }
}
