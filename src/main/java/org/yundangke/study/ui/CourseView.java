package org.yundangke.study.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.yundangke.base.ui.RouteTarget;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.study.StudyProgress;

/** A course (专题): its lessons in order, which are done this year, and one big link to the next one to take. */
@Route("courses/:courseId")
@PermitAll
class CourseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String COURSE_ID = "courseId";

    final H2 title = new H2();
    final OrderedList lessons = new OrderedList();
    private final Catalogue catalogue;
    private final StudyProgress progress;
    private String pageTitle = "";

    CourseView(Catalogue catalogue, StudyProgress progress) {
        this.catalogue = catalogue;
        this.progress = progress;
        addClassName("ydk-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Catalogue.CourseLessons course = RouteTarget.find(event, COURSE_ID, id -> catalogue.course(UUID.fromString(id)))
                .orElse(null);
        if (course == null) {
            return;
        }
        pageTitle = course.course().title();
        title.setText(course.course().title());
        List<LessonInfo> all = course.lessons();
        Set<java.util.UUID> done = progress.completedThisYear(all.stream().map(LessonInfo::id).toList());
        Span count = new Span(getTranslation("course.progress", done.size(), all.size()));
        lessons.addClassName("ydk-course-lessons");
        for (LessonInfo lesson : all) {
            RouterLink link = new RouterLink(lesson.title(), LessonView.class,
                    new RouteParameters(LessonView.LESSON_ID, lesson.id().toString()));
            String state = done.contains(lesson.id()) ? getTranslation("course.lesson.done") : "";
            ListItem item = new ListItem(link, new Span(" " + LessonCards.facts(this, lesson)
                    + (state.isEmpty() ? "" : " · " + state)));
            item.addClassName(done.contains(lesson.id()) ? "ydk-done" : "ydk-todo");
            lessons.add(item);
        }
        add(title, new Paragraph(course.course().summary()), count);
        all.stream().filter(l -> !done.contains(l.id())).findFirst().ifPresent(next -> {
            RouterLink start = new RouterLink(getTranslation(done.isEmpty() ? "course.start" : "course.continue",
                    next.title()), LessonView.class, new RouteParameters(LessonView.LESSON_ID, next.id().toString()));
            start.addClassName("ydk-big-link");
            add(start);
        });
        add(lessons);
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }
}
