package org.yundangke.study;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.UserError;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.catalogue.LessonState;
import org.yundangke.org.MemberAccount;
import org.yundangke.org.OrgDirectory;

/**
 * What branch secretaries ask their branch to study (a whole course or one lesson), who has finished it this year,
 * and for a member the assigned lessons still to do, which come first on their home page.
 */
@Service
@Transactional(readOnly = true)
public class Assignments {

    /** One assignment: a course or a lesson, for one branch. */
    public record Assignment(UUID id, long branchId, @Nullable UUID courseId, @Nullable UUID lessonId,
                             String assignedBy, Instant assignedAt, @Nullable LocalDate dueOn) {
    }

    /** A lesson the member's branch asked them to study, and by when (if the secretary said). */
    public record ToDo(LessonInfo lesson, @Nullable LocalDate dueOn) {
    }

    /** An assignment with its title and lessons, as the caller may see them. */
    public record AssignedStudy(Assignment assignment, String title, List<LessonInfo> lessons) {
    }

    /** An assignment of a branch with how many of its members study online and how many of them finished it. */
    public record BranchAssignment(AssignedStudy study, long finished, long online) {
    }

    /** How far one member of the branch is with an assignment this year. */
    public record MemberStanding(MemberAccount member, int completed, int lessons) {
        public boolean finished() {
            return lessons > 0 && completed >= lessons;
        }
    }

    private static final RowMapper<Assignment> ROW = (rs, n) -> new Assignment(rs.getObject("id", UUID.class),
            rs.getLong("branch_id"), rs.getObject("course_id", UUID.class), rs.getObject("lesson_id", UUID.class),
            rs.getString("assigned_by"), rs.getObject("assigned_at", OffsetDateTime.class).toInstant(),
            rs.getObject("due_on", LocalDate.class));

    private final JdbcTemplate jdbc;
    private final Catalogue catalogue;
    private final OrgDirectory directory;
    private final StudyProgress progress;
    private final StudyCalendar calendar;

    Assignments(JdbcTemplate jdbc, Catalogue catalogue, OrgDirectory directory, StudyProgress progress, StudyCalendar calendar) {
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.directory = directory;
        this.progress = progress;
    }

    /** Asks a branch the caller leads (or administers) to study a course, or one lesson; each once. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional
    public Assignment assign(long branchId, @Nullable UUID courseId, @Nullable UUID lessonId) {
        return assign(branchId, courseId, lessonId, null);
    }

    /** The same, to be studied by {@code dueOn} (today or later). */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional
    public Assignment assign(long branchId, @Nullable UUID courseId, @Nullable UUID lessonId,
                             @Nullable LocalDate dueOn) {
        directory.requireBranchInScope(branchId);
        if ((courseId == null) == (lessonId == null)) {
            throw new UserError("assignment.choose");
        }
        if (dueOn != null && dueOn.isBefore(calendar.today())) {
            throw new UserError("assignment.due-past");
        }
        Assignment assignment = new Assignment(UUID.randomUUID(), branchId, courseId, lessonId, CurrentUser.name(),
                calendar.now(), dueOn);
        AssignedStudy study = titleAndLessons(assignment); // refuses what the caller may not see
        if (study.lessons().stream().anyMatch(l -> l.state() != LessonState.PUBLISHED)) {
            throw new UserError("assignment.not-published"); // an editor may see a draft; members would not
        }
        Integer existing = jdbc.queryForObject("select count(*) from study_assignment where branch_id = ? and "
                + (courseId != null ? "course_id = ?" : "lesson_id = ?"), Integer.class, branchId,
                courseId != null ? courseId : lessonId);
        if (existing != null && existing > 0) {
            throw new UserError("assignment.duplicate");
        }
        jdbc.update("insert into study_assignment (id, branch_id, course_id, lesson_id, assigned_by, assigned_at, due_on)"
                + " values (?, ?, ?, ?, ?, ?, ?)", assignment.id(), branchId, courseId, lessonId, assignment.assignedBy(),
                Timestamp.from(assignment.assignedAt()), dueOn);
        return assignment;
    }

    /** Takes an assignment back; what members studied for it stays theirs. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional
    public void withdraw(UUID assignmentId) {
        Assignment assignment = find(assignmentId);
        directory.requireBranchInScope(assignment.branchId());
        jdbc.update("delete from study_assignment where id = ?", assignmentId);
    }

    /**
     * A branch's assignments, newest first, each with how many members finished it this year: the members and their
     * completions are read once for all the assignments.
     */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public List<BranchAssignment> forBranch(long branchId) {
        List<String> online = directory.memberAccountsOf(branchId).stream() // refuses a branch outside the scope
                .map(MemberAccount::username).filter(Objects::nonNull).toList();
        List<AssignedStudy> studies = jdbc.query("select * from study_assignment where branch_id = ?"
                + " order by assigned_at desc", ROW, branchId).stream().map(a -> {
                    try {
                        return titleAndLessons(a);
                    } catch (AccessDeniedException takenDown) {
                        return new AssignedStudy(a, "", List.of()); // the view says it is no longer available
                    }
                }).toList();
        Map<String, Set<UUID>> done = progress.completedThisYear(online, studies.stream()
                .flatMap(s -> s.lessons().stream()).map(LessonInfo::id).distinct().toList());
        return studies.stream().map(s -> {
            List<UUID> lessonIds = s.lessons().stream().map(LessonInfo::id).toList();
            long finished = lessonIds.isEmpty() ? 0 : online.stream()
                    .filter(u -> done.getOrDefault(u, Set.of()).containsAll(lessonIds)).count();
            return new BranchAssignment(s, finished, online.size());
        }).toList();
    }

    /** Each member of the assignment's branch with how many of its lessons they completed this year. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public List<MemberStanding> standings(UUID assignmentId) {
        Assignment assignment = find(assignmentId);
        List<MemberAccount> members = directory.memberAccountsOf(assignment.branchId());
        List<UUID> lessonIds = titleAndLessons(assignment).lessons().stream().map(LessonInfo::id).toList();
        Map<String, Set<UUID>> done = progress.completedThisYear(
                members.stream().map(MemberAccount::username).filter(Objects::nonNull).toList(), lessonIds);
        return members.stream().map(m -> new MemberStanding(m,
                m.username() == null ? 0 : done.getOrDefault(m.username(), Set.of()).size(), lessonIds.size())).toList();
    }

    /**
     * The lessons the caller's branches (primary and managing) asked them to study and they have not completed
     * this year: the soonest due first, then the newest assignment; a course's lessons in its order.
     */
    @PreAuthorize("isAuthenticated()")
    public List<ToDo> toDo() {
        List<Long> branches = directory.myBranchIds();
        if (branches.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", branches.stream().map(String::valueOf).toList());
        Map<UUID, ToDo> lessons = new LinkedHashMap<>();
        for (Assignment a : jdbc.query("select * from study_assignment where branch_id in (" + in + ")"
                + " order by case when due_on is null then 1 else 0 end, due_on, assigned_at desc", ROW)) {
            try {
                titleAndLessons(a).lessons().forEach(l -> lessons.putIfAbsent(l.id(), new ToDo(l, a.dueOn())));
            } catch (AccessDeniedException notMeantForMe) {
                // aimed at another audience, or taken down since: nothing to do
            }
        }
        Set<UUID> completed = progress.completedThisYear(lessons.keySet());
        return lessons.values().stream().filter(t -> !completed.contains(t.lesson().id())).toList();
    }

    private AssignedStudy titleAndLessons(Assignment assignment) {
        if (assignment.courseId() != null) {
            Catalogue.CourseLessons course = catalogue.course(assignment.courseId());
            return new AssignedStudy(assignment, course.course().title(), course.lessons());
        }
        LessonInfo lesson = catalogue.open(Objects.requireNonNull(assignment.lessonId()));
        return new AssignedStudy(assignment, lesson.title(), List.of(lesson));
    }

    private Assignment find(UUID assignmentId) {
        return jdbc.query("select * from study_assignment where id = ?", ROW, assignmentId).stream().findFirst()
                .orElseThrow(() -> new AccessDeniedException("no assignment " + assignmentId));
    }
}
