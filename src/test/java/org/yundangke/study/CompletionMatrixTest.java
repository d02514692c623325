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
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonDraft;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.org.BranchGroups;
import org.yundangke.org.OrgDirectory;
import org.yundangke.study.CompletionMatrix.State;

/**
 * The branch's members × its assignments: every state a cell can have, the totals, the two filters, and who may see
 * the matrix at all.
 */
@SpringBootTest
@ActiveProfiles("test")
class CompletionMatrixTest {

    @Autowired
    CompletionMatrix matrix;

    @Autowired
    Assignments assignments;

    @Autowired
    BranchGroups groups;

    @Autowired
    Catalogue catalogue;

    @Autowired
    OrgDirectory directory;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    long meiyuan;
    long member;
    long secretary;
    long offline;

    @BeforeEach
    void theDemoBranch() {
        logins.as("member");
        member = directory.currentActor().memberId();
        logins.as("secretary");
        secretary = directory.currentActor().memberId();
        meiyuan = directory.currentActor().ledBranchIds().iterator().next();
        offline = directory.memberAccountsOf(meiyuan).stream().filter(m -> m.username() == null).findFirst()
                .orElseThrow().memberId();
        clear();
    }

    @AfterEach
    void logout() {
        clear();
        logins.logout();
    }

    private void clear() {
        jdbc.update("delete from study_assisted where assignment_id in (select id from study_assignment"
                + " where branch_id = ?)", meiyuan);
        jdbc.update("delete from study_assignment_member where assignment_id in (select id from study_assignment"
                + " where branch_id = ?)", meiyuan);
        jdbc.update("delete from study_assignment where branch_id = ?", meiyuan);
        jdbc.update("delete from branch_group_member where group_id in (select id from branch_group where branch_id = ?)",
                meiyuan);
        jdbc.update("delete from branch_group where branch_id = ?", meiyuan);
        jdbc.update("delete from user_role where user_id in (select id from user_account where username = 'gulou')");
        jdbc.update("delete from user_account where username = 'gulou'");
    }

    @Test
    void every_state_a_cell_can_have_with_totals_and_filters() {
        LessonInfo done = publish("学完的课", 600);
        LessonInfo begun = publish("学了一部分的课", 600);
        LessonInfo late = publish("过期的课", 600);
        LessonInfo forGroup = publish("小组的课", 600);
        logins.as("secretary");
        UUID doneId = assignments.assign(meiyuan, null, done.id()).id();
        UUID begunId = assignments.assign(meiyuan, null, begun.id()).id();
        UUID lateId = assignments.assign(meiyuan, null, late.id(), today().plusDays(1)).id();
        jdbc.update("update study_assignment set due_on = ? where id = ?", today().minusDays(1), lateId);
        BranchGroups.BranchGroup group = groups.save(meiyuan, null, "第一党小组", List.of(member));
        UUID groupId = assignments.assign(new Assignments.NewAssignment(meiyuan, null, forGroup.id(), null,
                Assignments.Audience.group(group.id()), null, "")).id();

        complete("member", done.id());
        played("member", begun.id(), 240_000, 600_000); // 40 %
        played("secretary", late.id(), 60_000, 600_000);
        assignments.recordAssisted(doneId, offline, today(), "女儿 王小红", s -> UUID.randomUUID());

        CompletionMatrix.Matrix all = matrix.of(meiyuan, CompletionMatrix.Filter.ALL);
        assertThat(all.columns()).extracting(c -> c.study().assignment().id())
                .containsExactlyInAnyOrder(doneId, begunId, lateId, groupId);
        assertThat(cell(all, member, doneId).state()).isEqualTo(State.DONE);
        assertThat(cell(all, secretary, doneId).state()).isEqualTo(State.NOT_STARTED);
        assertThat(cell(all, offline, doneId).state()).isEqualTo(State.ASSISTED);
        assertThat(cell(all, member, begunId)).isEqualTo(new CompletionMatrix.Cell(State.IN_PROGRESS, 40));
        assertThat(cell(all, member, lateId).state()).isEqualTo(State.OVERDUE);
        assertThat(cell(all, secretary, lateId)).as("begun but late").isEqualTo(new CompletionMatrix.Cell(State.OVERDUE, 10));
        assertThat(cell(all, member, groupId).state()).isEqualTo(State.NOT_STARTED);
        assertThat(cell(all, secretary, groupId).state()).isEqualTo(State.NOT_ASKED);
        assertThat(column(all, doneId).finished()).as("done, and studied with help").isEqualTo(2);
        assertThat(column(all, doneId).asked()).isEqualTo(all.rows().size());
        assertThat(column(all, groupId).asked()).isOne();

        CompletionMatrix.Matrix oneGroup = matrix.of(meiyuan, new CompletionMatrix.Filter(group.id(), false));
        assertThat(oneGroup.rows()).extracting(r -> r.member().memberId()).containsExactly(member);
        CompletionMatrix.Matrix overdue = matrix.of(meiyuan, new CompletionMatrix.Filter(null, true));
        assertThat(overdue.rows()).hasSize(all.rows().size()).allSatisfy(r -> assertThat(r.anyOverdue()).isTrue());
        complete("member", late.id());
        assertThat(matrix.of(meiyuan, new CompletionMatrix.Filter(null, true)).rows())
                .extracting(r -> r.member().memberId()).doesNotContain(member).contains(secretary);
    }

    @Test
    void a_secretary_sees_only_their_branch_and_a_county_admin_only_their_county() {
        logins.as("secretary");
        long finance = jdbc.queryForObject("select id from branch where name = '原南京市财政局离退休干部党支部'", Long.class);
        long ninghai = jdbc.queryForObject("select id from branch where name = '宁海路街道社区离退休干部党支部'", Long.class);
        assertThatThrownBy(() -> matrix.of(finance, CompletionMatrix.Filter.ALL))
                .isInstanceOf(AccessDeniedException.class);
        long gulou = jdbc.queryForObject("select id from committee where name = '鼓楼区委离退休干部工委'", Long.class);
        jdbc.update("insert into user_account (username, password_hash, display_name, committee_id) values"
                + " ('gulou', 'x', '鼓楼区管理员', ?)", gulou);
        jdbc.update("insert into user_role (user_id, role) select id, 'ADMIN' from user_account where username = 'gulou'");
        logins.as("gulou");
        assertThat(matrix.of(ninghai, CompletionMatrix.Filter.ALL).rows()).isNotEmpty();
        assertThatThrownBy(() -> matrix.of(meiyuan, CompletionMatrix.Filter.ALL))
                .as("Xuanwu is another county").isInstanceOf(AccessDeniedException.class);
        logins.as("member");
        assertThatThrownBy(() -> matrix.of(meiyuan, CompletionMatrix.Filter.ALL))
                .isInstanceOf(AccessDeniedException.class);
    }

    private static CompletionMatrix.Cell cell(CompletionMatrix.Matrix m, long memberId, UUID assignmentId) {
        int column = m.columns().indexOf(column(m, assignmentId));
        return m.rows().stream().filter(r -> r.member().memberId() == memberId).findFirst().orElseThrow().cells()
                .get(column);
    }

    private static CompletionMatrix.Column column(CompletionMatrix.Matrix m, UUID assignmentId) {
        return m.columns().stream().filter(c -> c.study().assignment().id().equals(assignmentId)).findFirst()
                .orElseThrow();
    }

    private LessonInfo publish(String title, double seconds) {
        logins.as("lecturer");
        UUID talk = TestTalks.ready(jdbc, "lecturer", title, seconds);
        LessonInfo lesson = catalogue.createDraft(new LessonDraft(talk, title + " " + UUID.randomUUID(), "周宣讲", "",
                "党史学习", Set.of()));
        catalogue.publish(lesson.id());
        return lesson;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private int year() {
        return today().getYear();
    }

    private void complete(String username, UUID lessonId) {
        jdbc.update("insert into lesson_completion (username, lesson_id, study_year, completed_at) values (?, ?, ?, ?)",
                username, lessonId, year(), Timestamp.from(Instant.now()));
    }

    private void played(String username, UUID lessonId, long uniqueMs, long durationMs) {
        jdbc.update("insert into watch_progress (username, lesson_id, played_spans, unique_ms, last_position_s,"
                + " duration_ms, study_year, last_report_at) values (?, ?, ?, ?, 0, ?, ?, ?)", username, lessonId,
                "0-" + uniqueMs, uniqueMs, durationMs, year(), Timestamp.from(Instant.now()));
    }
}
