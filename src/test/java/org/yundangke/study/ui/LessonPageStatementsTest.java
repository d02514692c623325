package org.yundangke.study.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yundangke.KaribuTest;
import org.yundangke.StatementCounter;
import org.yundangke.TestTalks;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.CourseInfo;
import org.yundangke.catalogue.LessonDraft;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.media.TalkPlayer;
import org.yundangke.org.OrgDirectory;

/**
 * What opening a lesson page costs the database, measured when this was written: 16 statements on a later visit (the
 * caller's account, branches and committees once: 6; the lesson: 1; the open time and resume point: 4; the talk and
 * whether the member may play it: 2; the course and its next lesson: 2; the header bell's unread count: 1), 22 on the
 * first (the layout reads the account and font size, the progress row is made, and the first player of the JVM loads
 * the signing key). Before the caller's reach was kept for the request it was 75 and 68. A change that reads the same
 * thing twice goes over.
 */
@Import(StatementCounter.class)
class LessonPageStatementsTest extends KaribuTest {

    /** Statements for the first visit (the progress row is made) and for a later one (it is updated). */
    static final int FIRST_VISIT = 22;
    static final int LATER_VISIT = 16;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Catalogue catalogue;

    @Autowired
    OrgDirectory directory;

    @Test
    void opening_a_lesson_of_a_course_meant_for_the_members_branch_costs_a_bounded_number_of_statements() {
        login("member");
        long branch = directory.myBranchIds().getFirst();
        login("lecturer");
        CourseInfo course = catalogue.createCourse("统计语句的专题 " + UUID.randomUUID(), "");
        LessonInfo first = lessonIn(course, branch, "第一讲");
        lessonIn(course, branch, "第二讲");

        login("member");
        List<String> firstVisit = StatementCounter.during(() -> open(first));
        assertThat(_get(LessonView.class).title.getText()).isEqualTo(first.title());
        assertThat(_get(TalkPlayer.class).getElement().getAttribute("src")).startsWith("/play/");
        List<String> laterVisit = StatementCounter.during(() -> open(first));

        System.out.printf("lesson page: %d statements on the first visit, %d on a later one%n%s%n", firstVisit.size(),
                laterVisit.size(), String.join("\n", laterVisit));
        assertThat(firstVisit).hasSizeLessThanOrEqualTo(FIRST_VISIT)
                .anyMatch(sql -> sql.startsWith("insert into watch_progress"));
        assertThat(laterVisit).hasSizeLessThanOrEqualTo(LATER_VISIT)
                .anyMatch(sql -> sql.startsWith("update watch_progress"))
                .anyMatch(sql -> sql.contains("from lesson "));
    }

    private LessonInfo lessonIn(CourseInfo course, long branch, String title) {
        UUID talk = TestTalks.ready(jdbc, "lecturer", title, 1800);
        LessonInfo lesson = catalogue.createDraft(new LessonDraft(talk, title + " " + talk, "周宣讲", "", "党史学习",
                Set.of()).forBranches(Set.of(branch)).inCourse(course.id()));
        catalogue.publish(lesson.id());
        return lesson;
    }

    private void open(LessonInfo lesson) {
        newRequest(); // each page is a request of its own
        UI.getCurrent().navigate(LessonView.class, new RouteParameters(LessonView.LESSON_ID, lesson.id().toString()));
    }
}
