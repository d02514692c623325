package org.yundangke.study;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.org.MemberAccount;

/**
 * What today's reminders are about, for the daily job (nobody is logged in): every online member an assignment asks
 * and who has not finished it, when the assignment is new (made since the last run), due in three days, or was due
 * yesterday. Three moments per assignment, so a reminder never repeats daily. Read set-wise: a few statements for the
 * whole province, plus one per assigned quiz or live talk among the day's assignments.
 */
@Service
@Transactional(readOnly = true)
public class AssignmentReminders {

    /** Why a member is reminded of an assignment. */
    public enum Why { NEW, DUE_SOON, OVERDUE }

    /** One member (with their login) to remind of one assignment, and why. */
    public record Reminder(long memberId, String username, UUID assignmentId, Why why) {
    }

    static final int DUE_SOON_DAYS = 3;

    private final NamedParameterJdbcTemplate named;
    private final Assignments assignments;
    private final StudyProgress progress;

    AssignmentReminders(JdbcTemplate jdbc, Assignments assignments, StudyProgress progress) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.assignments = assignments;
        this.progress = progress;
    }

    /** The reminders for {@code today}; "new" means made after {@code newSince}. */
    public List<Reminder> due(LocalDate today, Instant newSince) {
        List<Assignments.Assignment> candidates = assignments.withMembers(named.query(
                "select * from study_assignment where assigned_at > :since or due_on = :soon or due_on = :yesterday",
                Map.of("since", Timestamp.from(newSince), "soon", today.plusDays(DUE_SOON_DAYS),
                        "yesterday", today.minusDays(1)), Assignments.ROW));
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<Long, List<MemberAccount>> online = onlineMembers(candidates);
        Map<Long, Set<Long>> groups = groupMembers(candidates);
        Map<UUID, List<UUID>> lessons = lessons(candidates);
        List<String> usernames = online.values().stream().flatMap(List::stream).map(MemberAccount::username)
                .filter(Objects::nonNull).distinct().toList();
        Map<String, Set<UUID>> completed = progress.completedThisYear(usernames,
                lessons.values().stream().flatMap(List::stream).distinct().toList());
        List<Reminder> reminders = new ArrayList<>();
        for (Assignments.Assignment a : candidates) {
            Why why = a.assignedAt().isAfter(newSince) ? Why.NEW
                    : today.plusDays(DUE_SOON_DAYS).equals(a.dueOn()) ? Why.DUE_SOON : Why.OVERDUE;
            List<MemberAccount> asked = Assignments.audience(a, online.getOrDefault(a.branchId(), List.of()), groups);
            Set<String> finished = finished(a, asked, lessons, completed);
            asked.stream().filter(m -> !finished.contains(m.username()))
                    .forEach(m -> reminders.add(new Reminder(m.memberId(), m.username(), a.id(), why)));
        }
        return reminders;
    }

    private Set<String> finished(Assignments.Assignment a, List<MemberAccount> asked, Map<UUID, List<UUID>> lessons,
                                 Map<String, Set<UUID>> completed) {
        List<String> names = asked.stream().map(MemberAccount::username).toList();
        if (a.workId() != null) {
            Set<String> done = new HashSet<>();
            assignments.workProgress(a.workId(), names).forEach((user, p) -> {
                if (p == AssignableWork.Progress.FINISHED) {
                    done.add(user);
                }
            });
            return done;
        }
        List<UUID> of = lessons.getOrDefault(a.id(), List.of());
        Set<String> done = new HashSet<>();
        for (String name : names) {
            if (!of.isEmpty() && completed.getOrDefault(name, Set.of()).containsAll(of)) {
                done.add(name);
            }
        }
        return done;
    }

    /** The online members of the candidates' branches, from org's read model. */
    private Map<Long, List<MemberAccount>> onlineMembers(List<Assignments.Assignment> candidates) {
        Map<Long, List<MemberAccount>> members = new HashMap<>();
        named.query("select mb.branch_id, mb.member_id, l.username from org_member_branch mb"
                + " join org_member_login l on l.member_id = mb.member_id where mb.branch_id in (:branches)",
                Map.of("branches", candidates.stream().map(Assignments.Assignment::branchId).distinct().toList()),
                rs -> {
                    members.computeIfAbsent(rs.getLong("branch_id"), b -> new ArrayList<>()).add(new MemberAccount(
                            rs.getLong("member_id"), "", rs.getString("username")));
                });
        return members;
    }

    private Map<Long, Set<Long>> groupMembers(List<Assignments.Assignment> candidates) {
        List<Long> ids = candidates.stream().map(a -> a.audience().groupId()).filter(Objects::nonNull).distinct()
                .toList();
        Map<Long, Set<Long>> groups = new HashMap<>();
        if (!ids.isEmpty()) {
            named.query("select group_id, member_id from org_group_member where group_id in (:ids)",
                    Map.of("ids", ids), rs -> {
                        groups.computeIfAbsent(rs.getLong(1), g -> new HashSet<>()).add(rs.getLong(2));
                    });
        }
        return groups;
    }

    /** Each lesson or course assignment's published lessons, from catalogue's read model. */
    private Map<UUID, List<UUID>> lessons(List<Assignments.Assignment> candidates) {
        Map<UUID, List<UUID>> lessons = new HashMap<>();
        for (Assignments.Assignment a : candidates) {
            if (a.lessonId() != null) {
                lessons.put(a.id(), List.of(a.lessonId()));
            }
        }
        List<UUID> courses = candidates.stream().map(Assignments.Assignment::courseId).filter(Objects::nonNull)
                .distinct().toList();
        if (!courses.isEmpty()) {
            Map<UUID, List<UUID>> byCourse = new HashMap<>();
            named.query("select course_id, lesson_id from catalogue_published_lesson where course_id in (:courses)",
                    Map.of("courses", courses), rs -> {
                        byCourse.computeIfAbsent(rs.getObject(1, UUID.class), c -> new ArrayList<>())
                                .add(rs.getObject(2, UUID.class));
                    });
            candidates.stream().filter(a -> a.courseId() != null)
                    .forEach(a -> lessons.put(a.id(), byCourse.getOrDefault(a.courseId(), List.of())));
        }
        return lessons;
    }
}
