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
 * What branch secretaries ask their branch to do (a whole course, one lesson, or other {@link AssignableWork} such as
 * a quiz), who has finished it this year, and for a member the assigned work still to do, which comes first on their
 * home page.
 */
@Service
@Transactional(readOnly = true)
public class Assignments {

    /** One assignment for one branch: a course, a lesson or other work (exactly one of the three ids). */
    public record Assignment(UUID id, long branchId, @Nullable UUID courseId, @Nullable UUID lessonId,
                             @Nullable UUID workId, String assignedBy, Instant assignedAt, @Nullable LocalDate dueOn) {
    }

    /** A lesson the member's branch asked them to study, and by when (if the secretary said). */
    public record ToDo(LessonInfo lesson, @Nullable LocalDate dueOn) {
    }

    /** Other work the member's branch asked them to do (a test), and by when (if the secretary said). */
    public record WorkToDo(AssignableWork.Work work, @Nullable LocalDate dueOn) {
    }

    /**
     * An assignment with its title and lessons (or its work), as the caller may see them; neither when it is no
     * longer available to the caller.
     */
    public record AssignedStudy(Assignment assignment, String title, List<LessonInfo> lessons,
                                AssignableWork.@Nullable Work work) {
        public boolean available() {
            return work != null || !lessons.isEmpty();
        }
    }

    /** An assignment of a branch with how many of its members study online and how many of them finished it. */
    public record BranchAssignment(AssignedStudy study, long finished, long online) {
    }

    /**
     * How far one member of the branch is with an assignment this year: lessons completed of all, or for work 0 or 1
     * of 1, and whether they began at all.
     */
    public record MemberStanding(MemberAccount member, int completed, int lessons, boolean started) {
        public boolean finished() {
            return lessons > 0 && completed >= lessons;
        }
    }

    private static final RowMapper<Assignment> ROW = (rs, n) -> new Assignment(rs.getObject("id", UUID.class),
            rs.getLong("branch_id"), rs.getObject("course_id", UUID.class), rs.getObject("lesson_id", UUID.class),
            rs.getObject("work_id", UUID.class), rs.getString("assigned_by"), rs.getObject("assigned_at", OffsetDateTime.class).toInstant(),
            rs.getObject("due_on", LocalDate.class));

    private final JdbcTemplate jdbc;
    private final Catalogue catalogue;
    private final OrgDirectory directory;
    private final StudyProgress progress;
    private final StudyCalendar calendar;
    private final List<AssignableWork> works;

    Assignments(JdbcTemplate jdbc, Catalogue catalogue, OrgDirectory directory, StudyProgress progress,
                StudyCalendar calendar, List<AssignableWork> works) {
        this.calendar = calendar;
        this.works = works;
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
        if ((courseId == null) == (lessonId == null)) {
            throw new UserError("assignment.choose");
        }
        return insert(branchId, courseId, lessonId, null, dueOn);
    }

    /** Asks a branch the caller leads (or administers) to do other work, such as a test; each once. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional
    public Assignment assignWork(long branchId, UUID workId, @Nullable LocalDate dueOn) {
        return insert(branchId, null, null, workId, dueOn);
    }

    /** What the caller may assign besides courses and lessons (published tests and practice), newest first. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public List<AssignableWork.Work> workChoices() {
        return works.stream().flatMap(w -> w.choices().stream()).toList();
    }

    private Assignment insert(long branchId, @Nullable UUID courseId, @Nullable UUID lessonId, @Nullable UUID workId,
                              @Nullable LocalDate dueOn) {
        directory.requireBranchInScope(branchId);
        if (dueOn != null && dueOn.isBefore(calendar.today())) {
            throw new UserError("assignment.due-past");
        }
        Assignment assignment = new Assignment(UUID.randomUUID(), branchId, courseId, lessonId, workId,
                CurrentUser.name(), calendar.now(), dueOn);
        AssignedStudy study = titleAndLessons(assignment); // refuses what the caller may not see
        if (study.lessons().stream().anyMatch(l -> l.state() != LessonState.PUBLISHED)) {
            throw new UserError("assignment.not-published"); // an editor may see a draft; members would not
        }
        String column = courseId != null ? "course_id" : lessonId != null ? "lesson_id" : "work_id";
        Integer existing = jdbc.queryForObject("select count(*) from study_assignment where branch_id = ? and "
                + column + " = ?", Integer.class, branchId, courseId != null ? courseId
                : lessonId != null ? lessonId : workId);
        if (existing != null && existing > 0) {
            throw new UserError("assignment.duplicate");
        }
        jdbc.update("insert into study_assignment (id, branch_id, course_id, lesson_id, work_id, assigned_by,"
                + " assigned_at, due_on) values (?, ?, ?, ?, ?, ?, ?, ?)", assignment.id(), branchId, courseId,
                lessonId, workId, assignment.assignedBy(), Timestamp.from(assignment.assignedAt()), dueOn);
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
     * lesson completions are read once for all the assignments, each piece of work's progress once.
     */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public List<BranchAssignment> forBranch(long branchId) {
        List<String> online = directory.memberAccountsOf(branchId).stream() // refuses a branch outside the scope
                .map(MemberAccount::username).filter(Objects::nonNull).toList();
        List<AssignedStudy> studies = jdbc.query("select * from study_assignment where branch_id = ?"
                + " order by assigned_at desc", ROW, branchId).stream().map(this::availableOrNot).toList();
        Map<String, Set<UUID>> done = progress.completedThisYear(online, studies.stream()
                .flatMap(s -> s.lessons().stream()).map(LessonInfo::id).distinct().toList());
        return studies.stream().map(s -> {
            if (s.work() != null) {
                long finished = workProgress(s.work().id(), online).values().stream()
                        .filter(p -> p == AssignableWork.Progress.FINISHED).count();
                return new BranchAssignment(s, finished, online.size());
            }
            List<UUID> lessonIds = s.lessons().stream().map(LessonInfo::id).toList();
            long finished = lessonIds.isEmpty() ? 0 : online.stream()
                    .filter(u -> done.getOrDefault(u, Set.of()).containsAll(lessonIds)).count();
            return new BranchAssignment(s, finished, online.size());
        }).toList();
    }

    /** Each member of the assignment's branch with how far they got this year. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public List<MemberStanding> standings(UUID assignmentId) {
        Assignment assignment = find(assignmentId);
        List<MemberAccount> members = directory.memberAccountsOf(assignment.branchId());
        List<String> online = members.stream().map(MemberAccount::username).filter(Objects::nonNull).toList();
        AssignedStudy study = titleAndLessons(assignment);
        if (study.work() != null) {
            Map<String, AssignableWork.Progress> got = workProgress(study.work().id(), online);
            return members.stream().map(m -> {
                AssignableWork.Progress p = m.username() == null ? null : got.get(m.username());
                return new MemberStanding(m, p == AssignableWork.Progress.FINISHED ? 1 : 0, 1, p != null);
            }).toList();
        }
        List<UUID> lessonIds = study.lessons().stream().map(LessonInfo::id).toList();
        Map<String, Set<UUID>> done = progress.completedThisYear(online, lessonIds);
        return members.stream().map(m -> {
            int completed = m.username() == null ? 0 : done.getOrDefault(m.username(), Set.of()).size();
            return new MemberStanding(m, completed, lessonIds.size(), completed > 0);
        }).toList();
    }

    /**
     * The lessons the caller's branches (primary and managing) asked them to study and they have not completed
     * this year: the soonest due first, then the newest assignment; a course's lessons in its order.
     */
    @PreAuthorize("isAuthenticated()")
    public List<ToDo> toDo() {
        Map<UUID, ToDo> lessons = new LinkedHashMap<>();
        for (Assignment a : myAssignments()) {
            if (a.workId() == null) {
                availableOrNot(a).lessons().forEach(l -> lessons.putIfAbsent(l.id(), new ToDo(l, a.dueOn())));
            }
        }
        Set<UUID> completed = progress.completedThisYear(lessons.keySet());
        return lessons.values().stream().filter(t -> !completed.contains(t.lesson().id())).toList();
    }

    /** The other work (tests) the caller's branches asked them to do and they have not finished this year, in the
     * same order. */
    @PreAuthorize("isAuthenticated()")
    public List<WorkToDo> workToDo() {
        Map<UUID, WorkToDo> work = new LinkedHashMap<>();
        for (Assignment a : myAssignments()) {
            AssignableWork.Work w = a.workId() == null ? null : availableOrNot(a).work();
            if (w != null) {
                work.putIfAbsent(w.id(), new WorkToDo(w, a.dueOn()));
            }
        }
        List<String> me = List.of(CurrentUser.name());
        return work.values().stream().filter(t -> workProgress(t.work().id(), me).get(CurrentUser.name())
                != AssignableWork.Progress.FINISHED).toList();
    }

    private List<Assignment> myAssignments() {
        List<Long> branches = directory.myBranchIds();
        if (branches.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", branches.stream().map(String::valueOf).toList());
        return jdbc.query("select * from study_assignment where branch_id in (" + in + ")"
                + " order by case when due_on is null then 1 else 0 end, due_on, assigned_at desc", ROW);
    }

    /** The assignment as the caller may see it; nothing in it when aimed at another audience or taken down since. */
    private AssignedStudy availableOrNot(Assignment assignment) {
        try {
            return titleAndLessons(assignment);
        } catch (AccessDeniedException notOpenToCaller) {
            return new AssignedStudy(assignment, "", List.of(), null); // the views say it is no longer available
        }
    }

    private AssignedStudy titleAndLessons(Assignment assignment) {
        if (assignment.workId() != null) {
            AssignableWork.Work work = works.stream().flatMap(w -> w.find(assignment.workId()).stream()).findFirst()
                    .orElseThrow(() -> new AccessDeniedException("work " + assignment.workId() + " is not open"));
            return new AssignedStudy(assignment, work.title(), List.of(), work);
        }
        if (assignment.courseId() != null) {
            Catalogue.CourseLessons course = catalogue.course(assignment.courseId());
            return new AssignedStudy(assignment, course.course().title(), course.lessons(), null);
        }
        LessonInfo lesson = catalogue.open(Objects.requireNonNull(assignment.lessonId()));
        return new AssignedStudy(assignment, lesson.title(), List.of(lesson), null);
    }

    private Map<String, AssignableWork.Progress> workProgress(UUID workId, List<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        return works.stream().filter(w -> w.find(workId).isPresent()).findFirst()
                .map(w -> w.progress(workId, usernames)).orElse(Map.of());
    }

    private Assignment find(UUID assignmentId) {
        return jdbc.query("select * from study_assignment where id = ?", ROW, assignmentId).stream().findFirst()
                .orElseThrow(() -> new AccessDeniedException("no assignment " + assignmentId));
    }
}
