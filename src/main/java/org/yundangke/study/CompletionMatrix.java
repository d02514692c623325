package org.yundangke.study;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.StudyCalendar;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.org.MemberAccount;
import org.yundangke.org.OrgDirectory;

/**
 * Who of a branch has studied what: its members × its assignments, each cell done, studied with help, in progress
 * (with how far), not started, overdue, or not asked of that member. The whole branch is read in a fixed number of
 * statements, however many members and lessons it has (one more per assigned quiz or live talk), so the page, its
 * totals, its filters and its Excel download all come from one read.
 */
@Service
@Transactional(readOnly = true)
public class CompletionMatrix {

    /** A cell's state; OVERDUE is not finished after the due date. */
    public enum State { DONE, ASSISTED, IN_PROGRESS, NOT_STARTED, OVERDUE, NOT_ASKED;

        public boolean finished() {
            return this == DONE || this == ASSISTED;
        }
    }

    /** One member and one assignment: the state and, for lessons, how much of them was studied (0–100). */
    public record Cell(State state, int percent) {
    }

    /** One assignment: what it is, by when, and how many of those asked have finished it (done or with help). */
    public record Column(Assignments.AssignedStudy study, long finished, long asked) {
    }

    /** One member's cells, in the order of the columns. */
    public record Row(MemberAccount member, List<Cell> cells) {
        public boolean anyOverdue() {
            return cells.stream().anyMatch(c -> c.state() == State.OVERDUE);
        }

        public long finished() {
            return cells.stream().filter(c -> c.state().finished()).count();
        }

        public long asked() {
            return cells.stream().filter(c -> c.state() != State.NOT_ASKED).count();
        }
    }

    /** The members of one group only, and/or only those with something overdue. */
    public record Filter(@Nullable Long groupId, boolean overdueOnly) {
        public static final Filter ALL = new Filter(null, false);
    }

    /** Columns newest first; rows by name; totals over the rows shown. */
    public record Matrix(List<Column> columns, List<Row> rows) {
    }

    private final Assignments assignments;
    private final OrgDirectory directory;
    private final StudyProgress progress;
    private final StudyCalendar calendar;

    CompletionMatrix(Assignments assignments, OrgDirectory directory, StudyProgress progress, StudyCalendar calendar) {
        this.assignments = assignments;
        this.directory = directory;
        this.progress = progress;
        this.calendar = calendar;
    }

    /** The matrix of a branch the caller leads or administers; refused for any other branch. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public Matrix of(long branchId, Filter filter) {
        List<MemberAccount> members = directory.memberAccountsOf(branchId); // refuses a branch outside the scope
        Map<Long, Set<Long>> groups = assignments.groupMembers(branchId);
        List<Assignments.AssignedStudy> studies = assignments.studiesOf(assignments.ofBranch(branchId));
        List<String> online = members.stream().map(MemberAccount::username).filter(Objects::nonNull).toList();
        List<UUID> lessonIds = studies.stream().flatMap(s -> s.lessons().stream()).map(LessonInfo::id).distinct()
                .toList();
        Map<String, Set<UUID>> completed = progress.completedThisYear(online, lessonIds);
        Map<String, Map<UUID, Double>> played = progress.playedThisYear(online, lessonIds);
        Map<UUID, Set<Long>> assisted = assignments.assisted(branchId);
        Map<UUID, Map<String, AssignableWork.Progress>> work = new HashMap<>();
        studies.stream().filter(s -> s.work() != null).forEach(s -> work.put(s.assignment().id(),
                assignments.workProgress(s.work().id(), online)));
        LocalDate today = calendar.today();

        List<List<Cell>> cells = new ArrayList<>();
        for (MemberAccount member : members) {
            List<Cell> row = new ArrayList<>();
            for (Assignments.AssignedStudy study : studies) {
                Assignments.Assignment a = study.assignment();
                boolean asked = Assignments.audience(a, List.of(member), groups).size() == 1;
                row.add(!asked ? new Cell(State.NOT_ASKED, 0)
                        : assisted.getOrDefault(a.id(), Set.of()).contains(member.memberId())
                        ? new Cell(State.ASSISTED, 100)
                        : cell(study, member.username(), completed, played, work.get(a.id()), today));
            }
            cells.add(row);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Row row = new Row(members.get(i), cells.get(i));
            boolean inGroup = filter.groupId() == null
                    || groups.getOrDefault(filter.groupId(), Set.of()).contains(row.member().memberId());
            if (inGroup && (!filter.overdueOnly() || row.anyOverdue())) {
                rows.add(row);
            }
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < studies.size(); c++) {
            int column = c;
            long finished = rows.stream().filter(r -> r.cells().get(column).state().finished()).count();
            long asked = rows.stream().filter(r -> r.cells().get(column).state() != State.NOT_ASKED).count();
            columns.add(new Column(studies.get(c), finished, asked));
        }
        return new Matrix(columns, rows);
    }

    private static Cell cell(Assignments.AssignedStudy study, @Nullable String username,
                             Map<String, Set<UUID>> completed, Map<String, Map<UUID, Double>> played,
                             @Nullable Map<String, AssignableWork.Progress> work, LocalDate today) {
        boolean overdue = study.assignment().dueOn() != null && study.assignment().dueOn().isBefore(today);
        if (study.work() != null) {
            AssignableWork.Progress got = username == null || work == null ? null : work.get(username);
            return got == AssignableWork.Progress.FINISHED ? new Cell(State.DONE, 100)
                    : overdue ? new Cell(State.OVERDUE, 0)
                    : got == AssignableWork.Progress.STARTED ? new Cell(State.IN_PROGRESS, 0)
                    : new Cell(State.NOT_STARTED, 0);
        }
        List<LessonInfo> lessons = study.lessons();
        if (lessons.isEmpty()) {
            return new Cell(State.NOT_STARTED, 0); // no longer available: nothing to study
        }
        Set<UUID> done = username == null ? Set.of() : completed.getOrDefault(username, Set.of());
        Map<UUID, Double> shares = username == null ? Map.of() : played.getOrDefault(username, Map.of());
        double sum = 0;
        for (LessonInfo lesson : lessons) {
            sum += done.contains(lesson.id()) ? 1.0 : shares.getOrDefault(lesson.id(), 0.0);
        }
        int percent = (int) Math.floor(100 * sum / lessons.size());
        if (lessons.stream().allMatch(l -> done.contains(l.id()))) {
            return new Cell(State.DONE, 100);
        }
        percent = Math.min(percent, 99);
        boolean begun = lessons.stream().anyMatch(l -> done.contains(l.id()) || shares.containsKey(l.id()));
        return overdue ? new Cell(State.OVERDUE, percent)
                : begun ? new Cell(State.IN_PROGRESS, percent)
                : new Cell(State.NOT_STARTED, 0);
    }
}
