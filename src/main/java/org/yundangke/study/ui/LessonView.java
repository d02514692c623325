package org.yundangke.study.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.UUID;
import org.yundangke.base.ui.RouteTarget;
import org.yundangke.catalogue.ArticleHtml;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.catalogue.LessonState;
import org.yundangke.catalogue.OpenedLesson;
import org.yundangke.media.MediaLibrary;
import org.yundangke.media.TalkPlayer;
import org.yundangke.study.AfterLesson;
import org.yundangke.study.ProgressReport;
import org.yundangke.study.StudyProgress;

/**
 * One lesson for a retiree: title, speaker, length, what it is about, and the player sized to the screen, resuming
 * where they left off and reporting what they actually watch.
 */
@Route("lessons/:lessonId")
@PermitAll
class LessonView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String LESSON_ID = "lessonId";

    final H2 title = new H2();
    final Span facts = new Span();
    final Paragraph summary = new Paragraph();
    private final Catalogue catalogue;
    private final MediaLibrary media;
    private final StudyProgress progress;
    private String pageTitle = "";

    private final List<AfterLesson> afterLesson;

    LessonView(Catalogue catalogue, MediaLibrary media, StudyProgress progress, List<AfterLesson> afterLesson) {
        this.afterLesson = afterLesson;
        this.catalogue = catalogue;
        this.media = media;
        this.progress = progress;
        addClassName("ydk-page");
        addClassName("ydk-lesson");
        add(title, facts);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        OpenedLesson opened = RouteTarget.find(event, LESSON_ID, id -> catalogue.openForStudy(UUID.fromString(id)))
                .orElse(null);
        if (opened == null) {
            return;
        }
        LessonInfo lesson = opened.lesson();
        pageTitle = lesson.title();
        title.setText(lesson.title());
        facts.setText(LessonCards.facts(this, lesson) + " · " + lesson.category());
        summary.setText(lesson.summary());
        StudyProgress.Standing standing = progress.begin(opened);
        if (standing.completed()) {
            facts.setText(facts.getText() + " · " + getTranslation("lesson.completed"));
        } else if (standing.uniqueSeconds() > 0) {
            facts.setText(facts.getText() + " · " + getTranslation("lesson.studied", standing.uniqueSeconds() / 60));
        }
        // an editor's preview of a lesson not yet out earns nothing and reports nothing
        boolean studied = lesson.state() == LessonState.PUBLISHED;
        if (lesson.mediaId() != null) {
            TalkPlayer player = new TalkPlayer(media, media.play(lesson.mediaId())).startAt(standing.positionSeconds());
            if (studied) {
                player.reportPlayedTo(ProgressReport.PATH, lesson.id().toString());
            }
            player.setWidthFull();
            add(player, summary);
        } else {
            Html text = new Html(ArticleHtml.render(lesson.body() == null ? "" : lesson.body()));
            // read to the end before but not completed (last year's reading, or seconds lost on the way): from the top
            double duration = lesson.durationSeconds() == null ? 0 : lesson.durationSeconds();
            double startAt = !standing.completed() && standing.positionSeconds() >= duration - 1 ? 0
                    : standing.positionSeconds();
            add(summary, new ArticleReader(lesson, startAt, studied ? ProgressReport.PATH : null), text);
        }
        if (standing.completed()) {
            followUps(lesson);
        }
        nextInCourse(lesson);
    }

    /** Once the lesson is completed: its test (and whatever else other modules offer), one big link each. */
    private void followUps(LessonInfo lesson) {
        for (AfterLesson source : afterLesson) {
            for (AfterLesson.FollowUp followUp : source.after(lesson.id())) {
                Anchor link = new Anchor(followUp.path(), getTranslation("lesson.after", followUp.title()));
                link.addClassName("ydk-next-lesson");
                link.addClassName("ydk-after-lesson");
                add(link);
            }
        }
    }

    /** In a course: the next lesson, one big link away, or the course itself after the last one. */
    private void nextInCourse(LessonInfo lesson) {
        if (lesson.courseId() == null) {
            return;
        }
        Catalogue.CourseLessons course;
        try {
            course = catalogue.course(lesson.courseId());
        } catch (org.springframework.security.access.AccessDeniedException notForMe) {
            return; // an editor previewing a lesson of a course not yet out
        }
        List<LessonInfo> lessons = course.lessons();
        int at = lessons.stream().map(LessonInfo::id).toList().indexOf(lesson.id());
        RouterLink next = at >= 0 && at + 1 < lessons.size()
                ? new RouterLink(getTranslation("lesson.next", lessons.get(at + 1).title()), LessonView.class,
                        new RouteParameters(LESSON_ID, lessons.get(at + 1).id().toString()))
                : new RouterLink(getTranslation("lesson.course", course.course().title()), CourseView.class,
                        new RouteParameters(CourseView.COURSE_ID, course.course().id().toString()));
        next.addClassName("ydk-next-lesson");
        add(next);
    }

    /** A lesson's length in plain words: "不到 1 分钟" for a short clip, never "1 分钟" for eight seconds. */
    static String minutes(Component context, LessonInfo lesson) {
        double seconds = lesson.durationSeconds() == null ? 0 : lesson.durationSeconds();
        if (seconds < 60) {
            return context.getTranslation("lesson.minutes.under-one");
        }
        return context.getTranslation("lesson.minutes", Math.round(seconds / 60));
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }
}
