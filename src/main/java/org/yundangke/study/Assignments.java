package org.yundangke.study;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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
import org.yundangke.org.BranchGroups;
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

    /**
     * One assignment for one branch: a course, a lesson or other work (exactly one of the three ids), for the whole
     * branch or the audience it names, with the secretary's note.
     */
    public record Assignment(UUID id, long branchId, @Nullable UUID courseId, @Nullable UUID lessonId,
                             @Nullable UUID workId, String assignedBy, Instant assignedAt, @Nullable LocalDate dueOn,
                             Audience audience, String note) {
    }

    /** Whom an assignment is for: one group of the branch, chosen members, or (neither) the whole branch. */
    public record Audience(@Nullable Long groupId, Set<Long> memberIds) {
        public static final Audience BRANCH = new Audience(null, Set.of());

        public static Audience group(long groupId) {
            return new Audience(groupId, Set.of());
        }

        public static Audience members(Collection<Long> memberIds) {
            return new Audience(null, Set.copyOf(memberIds));
        }

        public boolean wholeBranch() {
            return groupId == null && memberIds.isEmpty();
        }
    }

    /** What a secretary asks: exactly one of course, lesson and work; for an audience; by a date; with a note. */
    public record NewAssignment(long branchId, @Nullable UUID courseId, @Nullable UUID lessonId,
                                @Nullable UUID workId, Audience audience, @Nullable LocalDate dueOn, String note) {
    }

    /** A lesson the member's branch asked them to study, by when (if the secretary said) and the secretary's note. */
    public record ToDo(LessonInfo lesson, @Nullable LocalDate dueOn, String note) {
    }

    /** Other work the member's branch asked them to do (a test), by when and with the note, as for lessons. */
    public record WorkToDo(AssignableWork.Work work, @Nullable LocalDate dueOn, String note) {
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

    static final int MAX_NOTE = 500;
    static final int MAX_HELPER = 100;

    /** A row without its chosen members, which {@link #withMembers} adds. */
    static final RowMapper<Assignment> ROW = (rs, n) -> new Assignment(rs.getObject("id", UUID.class),
            rs.getLong("branch_id"), rs.getObject("course_id", UUID.class), rs.getObject("lesson_id", UUID.class),
            rs.getObject("work_id", UUID.class), rs.getString("assigned_by"),
            rs.getObject("assigned_at", OffsetDateTime.class).toInstant(), rs.getObject("due_on", LocalDate.class),
            new Audience(rs.getObject("group_id", Long.class), Set.of()), rs.getString("note"));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final BranchGroups groups;
    private final Catalogue catalogue;
    private final OrgDirectory directory;
    private final StudyProgress progress;
    private final StudyCalendar calendar;
    private final List<AssignableWork> works;

    Assignments(JdbcTemplate jdbc, BranchGroups groups, Catalogue catalogue, OrgDirectory directory,
                StudyProgress progress, StudyCalendar calendar, List<AssignableWork> works) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.groups = groups;
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
        return assign(new NewAssignment(branchId, courseId, lessonId, null, Audience.BRANCH, dueOn, ""));
    }

    /** Asks a branch the caller leads (or administers) to do other work, such as a test; each once. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional
    public Assignment assignWork(long branchId, UUID workId, @Nullable LocalDate dueOn) {
        return assign(new NewAssignment(branchId, null, null, workId, Audience.BRANCH, dueOn, ""));
    }

    /** What the caller may assign besides courses and lessons (published tests and practice), newest first. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public List<AssignableWork.Work> workChoices() {
        return works.stream().flatMap(w -> w.choices().stream()).toList();
    }

    /**
     * Asks a branch the caller leads (or administers), one of its groups or chosen members of it, to study a course
     * or a lesson or to do other work. The same thing is asked of the same audience once.
     */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional
    public Assignment assign(NewAssignment form) {
        long branchId = form.branchId();
        directory.requireBranchInScope(branchId);
        int things = (form.courseId() == null ? 0 : 1) + (form.lessonId() == null ? 0 : 1)
                + (form.workId() == null ? 0 : 1);
        if (things != 1) {
            throw new UserError("assignment.choose");
        }
        if (form.dueOn() != null && form.dueOn().isBefore(calendar.today())) {
            throw new UserError("assignment.due-past");
        }
        String note = form.note().strip();
        if (note.length() > MAX_NOTE) {
            throw new UserError("assignment.note-long");
        }
        checkAudience(branchId, form.audience());
        Assignment assignment = new Assignment(UUID.randomUUID(), branchId, form.courseId(), form.lessonId(),
                form.workId(), CurrentUser.name(), calendar.now(), form.dueOn(), form.audience(), note);
        AssignedStudy study = titleAndLessons(assignment); // refuses what the caller may not see
        if (study.lessons().stream().anyMatch(l -> l.state() != LessonState.PUBLISHED)) {
            throw new UserError("assignment.not-published"); // an editor may see a draft; members would not
        }
        if (form.audience().memberIds().isEmpty() && alreadyAsked(assignment)) {
            throw new UserError("assignment.duplicate");
        }
        jdbc.update("insert into study_assignment (id, branch_id, course_id, lesson_id, work_id, assigned_by,"
                + " assigned_at, due_on, group_id, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", assignment.id(),
                branchId, form.courseId(), form.lessonId(), form.workId(), assignment.assignedBy(),
                Timestamp.from(assignment.assignedAt()), form.dueOn(), form.audience().groupId(), note);
        jdbc.batchUpdate("insert into study_assignment_member (assignment_id, member_id) values (?, ?)",
                form.audience().memberIds().stream().map(m -> new Object[] {assignment.id(), m}).toList());
        return assignment;
    }

    private void checkAudience(long branchId, Audience audience) {
        if (audience.groupId() != null && !audience.memberIds().isEmpty()) {
            throw new IllegalArgumentException("a group or chosen members, not both");
        }
        if (audience.groupId() != null && groups.find(audience.groupId()).branchId() != branchId) {
            throw new AccessDeniedException("group " + audience.groupId() + " is not of branch " + branchId);
        }
        if (!audience.memberIds().isEmpty() && !directory.memberAccountsOf(branchId).stream()
                .map(MemberAccount::memberId).collect(Collectors.toSet()).containsAll(audience.memberIds())) {
            throw new AccessDeniedException("chosen members outside branch " + branchId);
        }
    }

    /** Whether the branch already asked the same thing of the same group (or of the whole branch). */
    private boolean alreadyAsked(Assignment a) {
        String column = a.courseId() != null ? "course_id" : a.lessonId() != null ? "lesson_id" : "work_id";
        Object thing = a.courseId() != null ? a.courseId() : a.lessonId() != null ? a.lessonId() : a.workId();
        Long group = a.audience().groupId();
        Integer existing = jdbc.queryForObject("select count(*) from study_assignment s where s.branch_id = ? and s."
                + column + " = ? and " + (group == null ? "s.group_id is null" : "s.group_id = " + group)
                + " and not exists (select 1 from study_assignment_member m where m.assignment_id = s.id)",
                Integer.class, a.branchId(), thing);
        return existing != null && existing > 0;
    }

    /** Takes an assignment back; what members studied for it stays theirs. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional
    public void withdraw(UUID assignmentId) {
        Assignment assignment = find(assignmentId);
        directory.requireBranchInScope(assignment.branchId());
        jdbc.update("delete from study_assignment_member where assignment_id = ?", assignmentId);
        jdbc.update("delete from study_assisted where assignment_id = ?", assignmentId); // the 记实 records stay
        jdbc.update("delete from study_assignment where id = ?", assignmentId);
    }

    /**
     * A branch's assignments, newest first, each with how many of the members it is for finished it this year: the
     * members, groups and lesson completions are read once for all the assignments, each piece of work's progress once.
     */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public List<BranchAssignment> forBranch(long branchId) {
        List<MemberAccount> members = directory.memberAccountsOf(branchId); // refuses a branch outside the scope
        Map<Long, Set<Long>> groupMembers = groupMembers(branchId);
        List<AssignedStudy> studies = studiesOf(ofBranch(branchId));
        Map<String, Set<UUID>> done = progress.completedThisYear(online(members), studies.stream()
                .flatMap(s -> s.lessons().stream()).map(LessonInfo::id).distinct().toList());
        return studies.stream().map(s -> {
            List<String> online = online(audience(s.assignment(), members, groupMembers));
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

    /** Each member the assignment is for, with how far they got this year. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public List<MemberStanding> standings(UUID assignmentId) {
        Assignment assignment = find(assignmentId);
        List<MemberAccount> members = audience(assignment, directory.memberAccountsOf(assignment.branchId()),
                groupMembers(assignment.branchId()));
        List<String> online = online(members);
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
     * Records that a member of the assignment's audience studied it with help (送学上门, 家属协助) on a day, and who
     * helped; {@code evidence} then makes the 记实 record for the secretary to approve (its id is kept with the
     * assistance and returned). Both happen in one transaction: a refused 记实 leaves no assistance behind. Once per
     * member and assignment.
     */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional
    public UUID recordAssisted(UUID assignmentId, long memberId, LocalDate studiedOn, String helper,
                                       Function<AssignedStudy, UUID> evidence) {
        Assignment assignment = find(assignmentId);
        List<MemberAccount> audience = audience(assignment, directory.memberAccountsOf(assignment.branchId()),
                groupMembers(assignment.branchId()));
        if (audience.stream().noneMatch(m -> m.memberId() == memberId)) {
            throw new AccessDeniedException("member " + memberId + " is not asked by assignment " + assignmentId);
        }
        String who = helper.strip();
        if (who.isEmpty() || who.length() > MAX_HELPER) {
            throw new UserError("assisted.helper");
        }
        if (studiedOn.isAfter(calendar.today())) {
            throw new UserError("assisted.future");
        }
        Integer already = jdbc.queryForObject("select count(*) from study_assisted where assignment_id = ?"
                + " and member_id = ?", Integer.class, assignmentId, memberId);
        if (already != null && already > 0) {
            throw new UserError("assisted.twice");
        }
        AssignedStudy study = titleAndLessons(assignment);
        jdbc.update("insert into study_assisted (assignment_id, member_id, studied_on, helper, recorded_by, recorded_at)"
                + " values (?, ?, ?, ?, ?, ?)", assignmentId, memberId, studiedOn, who, CurrentUser.name(),
                Timestamp.from(calendar.now()));
        UUID record = evidence.apply(study);
        jdbc.update("update study_assisted set evidence_id = ? where assignment_id = ? and member_id = ?", record,
                assignmentId, memberId);
        return record;
    }

    /** Who of a branch studied which of its assignments with help: assignment → member ids. */
    Map<UUID, Set<Long>> assisted(long branchId) {
        Map<UUID, Set<Long>> assisted = new HashMap<>();
        jdbc.query("select s.assignment_id, s.member_id from study_assisted s join study_assignment a"
                + " on a.id = s.assignment_id where a.branch_id = ?", rs -> {
                    assisted.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>()).add(rs.getLong(2));
                }, branchId);
        return assisted;
    }

    /** A branch's assignments with their audiences, newest first. */
    List<Assignment> ofBranch(long branchId) {
        return withMembers(jdbc.query("select * from study_assignment where branch_id = ? order by assigned_at desc",
                ROW, branchId));
    }

    /** The members of the branch an assignment is for, in the branch's order. */
    static List<MemberAccount> audience(Assignment assignment, List<MemberAccount> branchMembers,
                                        Map<Long, Set<Long>> groupMembers) {
        Audience audience = assignment.audience();
        if (audience.wholeBranch()) {
            return branchMembers;
        }
        Set<Long> chosen = audience.groupId() != null
                ? groupMembers.getOrDefault(audience.groupId(), Set.of()) : audience.memberIds();
        return branchMembers.stream().filter(m -> chosen.contains(m.memberId())).toList();
    }

    Map<Long, Set<Long>> groupMembers(long branchId) {
        return groups.of(branchId).stream()
                .collect(Collectors.toMap(BranchGroups.BranchGroup::id, BranchGroups.BranchGroup::memberIds));
    }

    private static List<String> online(List<MemberAccount> members) {
        return members.stream().map(MemberAccount::username).filter(Objects::nonNull).toList();
    }

    /** The assignments with their chosen members, read in one statement. */
    List<Assignment> withMembers(List<Assignment> assignments) {
        if (assignments.isEmpty()) {
            return assignments;
        }
        Map<UUID, Set<Long>> chosen = new HashMap<>();
        named.query("select assignment_id, member_id from study_assignment_member where assignment_id in (:ids)",
                Map.of("ids", assignments.stream().map(Assignment::id).toList()), rs -> {
                    chosen.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>()).add(rs.getLong(2));
                });
        return assignments.stream().map(a -> chosen.containsKey(a.id()) ? new Assignment(a.id(), a.branchId(),
                a.courseId(), a.lessonId(), a.workId(), a.assignedBy(), a.assignedAt(), a.dueOn(),
                Audience.members(chosen.get(a.id())), a.note()) : a).toList();
    }

    /**
     * The lessons the caller's branches (primary and managing) asked them to study and they have not completed
     * this year: the soonest due first, then the newest assignment; a course's lessons in its order.
     */
    @PreAuthorize("isAuthenticated()")
    public List<ToDo> toDo() {
        Map<UUID, ToDo> lessons = new LinkedHashMap<>();
        List<Assignment> mine = myAssignments().stream().filter(a -> a.workId() == null).toList();
        for (AssignedStudy study : studiesOf(mine)) { // two reads for all courses and lessons, not one per assignment
            Assignment a = study.assignment();
            study.lessons().forEach(l -> lessons.putIfAbsent(l.id(), new ToDo(l, a.dueOn(), a.note())));
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
                work.putIfAbsent(w.id(), new WorkToDo(w, a.dueOn(), a.note()));
            }
        }
        List<String> me = List.of(CurrentUser.name());
        return work.values().stream().filter(t -> workProgress(t.work().id(), me).get(CurrentUser.name())
                != AssignableWork.Progress.FINISHED).toList();
    }

    /** The assignments of the caller's branches meant for them: for the whole branch, their group or them. */
    private List<Assignment> myAssignments() {
        List<Long> branches = directory.myBranchIds();
        Long me = directory.currentActor().memberId();
        if (branches.isEmpty() || me == null) {
            return List.of();
        }
        return named.query("select * from study_assignment a where a.branch_id in (:branches) and ("
                + " a.group_id in (select g.group_id from org_group_member g where g.member_id = :me)"
                + " or exists (select 1 from study_assignment_member m where m.assignment_id = a.id"
                + " and m.member_id = :me)"
                + " or (a.group_id is null and not exists (select 1 from study_assignment_member m"
                + " where m.assignment_id = a.id)))"
                + " order by case when a.due_on is null then 1 else 0 end, a.due_on, a.assigned_at desc",
                Map.of("branches", branches, "me", me), ROW);
    }

    /**
     * Many assignments as the caller may see them, like {@link #availableOrNot}, with their courses and lessons read
     * in two statements for all of them (work is looked up per piece).
     */
    List<AssignedStudy> studiesOf(List<Assignment> assignments) {
        Catalogue.Meant meant = catalogue.meantForCaller(
                assignments.stream().map(Assignment::courseId).filter(Objects::nonNull).toList(),
                assignments.stream().map(Assignment::lessonId).filter(Objects::nonNull).toList());
        return assignments.stream().map(a -> {
            if (a.workId() != null) {
                return availableOrNot(a);
            }
            if (a.courseId() != null) {
                Catalogue.CourseLessons course = meant.courses().get(a.courseId());
                return course == null ? new AssignedStudy(a, "", List.of(), null)
                        : new AssignedStudy(a, course.course().title(), course.lessons(), null);
            }
            LessonInfo lesson = meant.lessons().get(a.lessonId());
            return lesson == null ? new AssignedStudy(a, "", List.of(), null)
                    : new AssignedStudy(a, lesson.title(), List.of(lesson), null);
        }).toList();
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

    Map<String, AssignableWork.Progress> workProgress(UUID workId, List<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        return works.stream().filter(w -> w.find(workId).isPresent()).findFirst()
                .map(w -> w.progress(workId, usernames)).orElse(Map.of());
    }

    private Assignment find(UUID assignmentId) {
        return withMembers(jdbc.query("select * from study_assignment where id = ?", ROW, assignmentId)).stream()
                .findFirst().orElseThrow(() -> new AccessDeniedException("no assignment " + assignmentId));
    }
}
