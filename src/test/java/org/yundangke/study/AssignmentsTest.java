package org.yundangke.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Logins;
import org.yundangke.TestTalks;
import org.yundangke.base.UserError;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.CourseInfo;
import org.yundangke.catalogue.LessonDraft;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.org.BranchGroups;
import org.yundangke.org.OrgDirectory;

/**
 * A secretary assigns a course to the branch they lead; a "1+2" member managed by that branch finds its lessons first,
 * in order, until completed; the secretary sees who finished.
 */
@SpringBootTest
@ActiveProfiles("test")
class AssignmentsTest {

    @Autowired
    Assignments assignments;

    @Autowired
    Catalogue catalogue;

    @Autowired
    OrgDirectory directory;

    @Autowired
    Logins logins;

    @Autowired
    BranchGroups groups;

    @Autowired
    JdbcTemplate jdbc;

    CourseInfo course;
    LessonInfo first;
    LessonInfo second;
    long meiyuan;

    @BeforeEach
    void aPublishedCourseOfTwoLessons() {
        logins.as("lecturer");
        course = catalogue.createCourse("布置用专题 " + UUID.randomUUID(), "");
        first = publish("第一课");
        second = publish("第二课");
        logins.as("secretary");
        meiyuan = directory.currentActor().ledBranchIds().iterator().next();
        jdbc.update("delete from study_assignment_member where assignment_id in (select id from study_assignment"
                + " where branch_id = ?)", meiyuan);
        jdbc.update("delete from study_assignment where branch_id = ?", meiyuan);
    }

    @AfterEach
    void logout() {
        jdbc.update("delete from study_assignment_member where assignment_id in (select id from study_assignment"
                + " where branch_id = ?)", meiyuan);
        jdbc.update("delete from study_assignment where branch_id = ? and (group_id is not null or exists"
                + " (select 1 from study_assignment_member m where m.assignment_id = study_assignment.id))", meiyuan);
        jdbc.update("update study_assignment set group_id = null where branch_id = ?", meiyuan);
        jdbc.update("delete from branch_group_member where group_id in (select id from branch_group where branch_id = ?)",
                meiyuan);
        jdbc.update("delete from branch_group where branch_id = ?", meiyuan);
        logins.logout();
    }

    @Test
    void an_assignment_to_a_group_reaches_its_members_only() {
        logins.as("member");
        long member = directory.currentActor().memberId();
        logins.as("secretary");
        long secretaryAsMember = directory.currentActor().memberId();
        BranchGroups.BranchGroup group = groups.save(meiyuan, null, "第一党小组", List.of(member));
        assignments.assign(new Assignments.NewAssignment(meiyuan, null, first.id(), null,
                Assignments.Audience.group(group.id()), null, "小组先学"));
        assertThat(assignments.toDo()).extracting(t -> t.lesson().id()).as("the secretary is not in the group")
                .doesNotContain(first.id());
        logins.as("member");
        assertThat(assignments.toDo()).filteredOn(t -> t.lesson().id().equals(first.id())).singleElement()
                .satisfies(t -> assertThat(t.note()).as("the secretary's note reaches the home").isEqualTo("小组先学"));

        logins.as("secretary");
        Assignments.BranchAssignment made = assignments.forBranch(meiyuan).getFirst();
        assertThat(made.online()).as("one of the group studies online").isOne();
        assertThat(made.study().assignment().note()).isEqualTo("小组先学");
        assertThat(assignments.standings(made.study().assignment().id())).extracting(s -> s.member().memberId())
                .containsExactly(member);
        assertThat(secretaryAsMember).isNotEqualTo(member);
        assertThatThrownBy(() -> groups.delete(group.id())).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.messageKey()).isEqualTo("group.in-use"));
    }

    @Test
    void an_assignment_to_chosen_members_reaches_them_only_and_the_same_lesson_may_still_go_to_the_branch() {
        logins.as("secretary");
        long secretaryAsMember = directory.currentActor().memberId();
        assignments.assign(new Assignments.NewAssignment(meiyuan, null, first.id(), null,
                Assignments.Audience.members(List.of(secretaryAsMember)), null, ""));
        assertThat(assignments.toDo()).extracting(t -> t.lesson().id()).contains(first.id());
        logins.as("member");
        assertThat(assignments.toDo()).extracting(t -> t.lesson().id()).doesNotContain(first.id());

        logins.as("secretary");
        assignments.assign(meiyuan, null, first.id());
        logins.as("member");
        assertThat(assignments.toDo()).extracting(t -> t.lesson().id()).containsOnlyOnce(first.id());
    }

    @Test
    void a_group_or_chosen_member_from_another_branch_is_refused() {
        long otherBranch = jdbc.queryForObject("select min(id) from branch where id <> ?", Long.class, meiyuan);
        long stranger = jdbc.queryForObject("select min(id) from member where primary_branch_id = ? and id not in"
                + " (select member_id from managing_membership where branch_id = ?)", Long.class, otherBranch, meiyuan);
        assertThatThrownBy(() -> assignments.assign(new Assignments.NewAssignment(meiyuan, null, first.id(), null,
                Assignments.Audience.members(List.of(stranger)), null, ""))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> groups.save(meiyuan, null, "外人小组", List.of(stranger)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> groups.save(meiyuan, null, " ", List.of())).isInstanceOfSatisfying(UserError.class,
                e -> assertThat(e.messageKey()).isEqualTo("group.name"));
    }

    @Test
    void the_member_of_a_managing_branch_gets_the_lessons_in_order_until_completed() {
        logins.as("member");
        assertThat(directory.myMemberRecord().orElseThrow().managingBranchIds()).as("demo: 1+2 member")
                .contains(meiyuan);
        assertThat(assignments.toDo()).extracting(t -> t.lesson().id()).doesNotContain(first.id());

        logins.as("secretary");
        Assignments.Assignment made = assignments.assign(meiyuan, course.id(), null);
        assertThat(assignments.forBranch(meiyuan)).singleElement()
                .satisfies(a -> {
                    assertThat(a.study().title()).isEqualTo(course.title());
                    assertThat(a.finished()).isZero();
                    assertThat(a.online()).isPositive();
                });

        logins.as("member");
        assertThat(assignments.toDo()).extracting(t -> t.lesson().id()).containsExactly(first.id(), second.id());
        complete("member", first.id());
        assertThat(assignments.toDo()).extracting(t -> t.lesson().id()).containsExactly(second.id());

        logins.as("secretary");
        List<Assignments.MemberStanding> standings = assignments.standings(made.id());
        assertThat(standings).filteredOn(s -> "member".equals(s.member().username())).singleElement()
                .satisfies(s -> {
                    assertThat(s.completed()).isEqualTo(1);
                    assertThat(s.finished()).isFalse();
                });
        assertThat(standings).filteredOn(s -> s.member().username() == null).as("members without a login")
                .isNotEmpty().allSatisfy(s -> assertThat(s.completed()).isZero());

        logins.as("member");
        complete("member", second.id());
        logins.as("secretary");
        assertThat(assignments.standings(made.id())).filteredOn(s -> "member".equals(s.member().username()))
                .singleElement().satisfies(s -> assertThat(s.finished()).isTrue());
        assertThat(assignments.forBranch(meiyuan)).singleElement().satisfies(a -> assertThat(a.finished()).isOne());
    }

    @Test
    void an_assignment_is_made_once_and_withdrawn_after_which_it_is_gone_from_the_home() {
        assignments.assign(meiyuan, null, first.id());
        assertThatThrownBy(() -> assignments.assign(meiyuan, null, first.id()))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("assignment.duplicate"));
        UUID id = assignments.forBranch(meiyuan).getFirst().study().assignment().id();
        assignments.withdraw(id);
        assertThat(assignments.forBranch(meiyuan)).isEmpty();
        logins.as("member");
        assertThat(assignments.toDo()).extracting(t -> t.lesson().id()).doesNotContain(first.id());
    }

    @Test
    void the_soonest_due_comes_first_and_a_past_date_is_refused() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assignments.assign(meiyuan, null, second.id());
        assignments.assign(meiyuan, null, first.id(), today.plusDays(10));
        assertThatThrownBy(() -> assignments.assign(meiyuan, course.id(), null, today.minusDays(1)))
                .isInstanceOfSatisfying(UserError.class, e -> assertThat(e.messageKey()).isEqualTo("assignment.due-past"));
        logins.as("member");
        assertThat(assignments.toDo()).filteredOn(t -> t.lesson().courseId() != null
                        && t.lesson().courseId().equals(course.id()))
                .extracting(t -> t.lesson().id(), Assignments.ToDo::dueOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first.id(), today.plusDays(10)),
                        org.assertj.core.groups.Tuple.tuple(second.id(), null));
    }

    @Test
    void only_the_branchs_secretary_or_admin_assigns() {
        long otherBranch = jdbc.queryForObject("select min(id) from branch where id <> ?", Long.class, meiyuan);
        assertThatThrownBy(() -> assignments.assign(otherBranch, course.id(), null))
                .isInstanceOf(AccessDeniedException.class);
        logins.as("member");
        assertThatThrownBy(() -> assignments.assign(meiyuan, course.id(), null))
                .isInstanceOf(AccessDeniedException.class);
        logins.as("lecturer");
        assertThatThrownBy(() -> assignments.forBranch(meiyuan)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_1_plus_2_member_sees_the_same_lesson_from_two_branches_once_and_one_completion_satisfies_both() {
        long finance = jdbc.queryForObject("select id from branch where name = '原南京市财政局离退休干部党支部'", Long.class);
        jdbc.update("delete from study_assignment_member where assignment_id in (select id from study_assignment"
                + " where branch_id = ?)", finance);
        jdbc.update("delete from study_assignment where branch_id = ?", finance);
        logins.as("admin"); // Nanjing: both the member's primary branch and the managing one are in its area
        Assignments.Assignment primary = assignments.assign(finance, null, first.id());
        Assignments.Assignment managing = assignments.assign(meiyuan, null, first.id());

        logins.as("member");
        assertThat(directory.myMemberRecord().orElseThrow().primaryBranchId()).isEqualTo(finance);
        assertThat(assignments.toDo()).extracting(t -> t.lesson().id()).containsOnlyOnce(first.id());
        complete("member", first.id());
        assertThat(assignments.toDo()).extracting(t -> t.lesson().id()).doesNotContain(first.id());

        logins.as("admin");
        for (Assignments.Assignment each : List.of(primary, managing)) {
            assertThat(assignments.standings(each.id())).filteredOn(s -> "member".equals(s.member().username()))
                    .singleElement().satisfies(s -> assertThat(s.finished()).as("finished in branch %d",
                            each.branchId()).isTrue());
        }
        jdbc.update("delete from study_assignment_member where assignment_id in (select id from study_assignment"
                + " where branch_id = ?)", finance);
        jdbc.update("delete from study_assignment where branch_id = ?", finance);
    }

    private LessonInfo publish(String title) {
        UUID talk = TestTalks.ready(jdbc, "lecturer", title, 600);
        LessonInfo lesson = catalogue.createDraft(new LessonDraft(talk, title, "周宣讲", "", "党史学习", Set.of())
                .inCourse(course.id()));
        catalogue.publish(lesson.id());
        return lesson;
    }

    /** This year's completion as verified watching records it (the watching itself is StudyProgressTest's). */
    private void complete(String username, UUID lessonId) {
        int year = Instant.now().atZone(ZoneId.of("Asia/Shanghai")).getYear();
        jdbc.update("insert into lesson_completion (username, lesson_id, study_year, completed_at) values (?, ?, ?, ?)",
                username, lessonId, year, Timestamp.from(Instant.now()));
    }
}
