package org.yundangke.branch;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.annotations.Recurring;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.Translations;
import org.yundangke.org.Mobile;
import org.yundangke.org.OrgDirectory;
import org.yundangke.study.AssignmentReminders;
import org.yundangke.study.CompletionMatrix;

/**
 * Reminders without spam. Each morning a member with anything new, due in three days or overdue gets one digest (the
 * bell in the header, and a text to their mobile through the {@link Notifier}); a secretary can nudge those who have
 * not finished an assignment with one tap. At most one digest and one nudge per member a day: the notice's key
 * refuses a second, so a second run or a second tap sends nothing.
 */
@Service
public class Notices {

    public enum Kind { DIGEST, NUDGE }

    /** A notice as the bell lists it: its message key's arguments, rendered in the reader's language. */
    public record Notice(long id, Kind kind, LocalDate day, List<String> args, Instant createdAt, boolean read) {
    }

    /** What a nudge did: members reminded now, those already reminded today, and how many of those got a text. */
    public record Nudged(int reminded, int alreadyToday, int texted) {
    }

    static final int SHOWN = 30;

    private final JdbcTemplate jdbc;
    private final AssignmentReminders reminders;
    private final CompletionMatrix matrix;
    private final OrgDirectory directory;
    private final Notifier notifier;
    private final Translations translations;
    private final StudyCalendar calendar;

    Notices(JdbcTemplate jdbc, AssignmentReminders reminders, CompletionMatrix matrix, OrgDirectory directory,
            Notifier notifier, Translations translations, StudyCalendar calendar) {
        this.jdbc = jdbc;
        this.reminders = reminders;
        this.matrix = matrix;
        this.directory = directory;
        this.notifier = notifier;
        this.translations = translations;
        this.calendar = calendar;
    }

    @Recurring(id = "branch-digest", cron = "0 8 * * *", zoneId = StudyCalendar.ZONE_NAME)
    @Job(name = "Daily study reminders")
    public void sendDigests() {
        sendDigests(calendar.today(), calendar.now().minus(Duration.ofDays(1)));
    }

    /** Today's digests, "new" meaning made after {@code newSince}; returns how many members got one now. */
    @Transactional
    int sendDigests(LocalDate today, Instant newSince) {
        Map<Long, Map<AssignmentReminders.Why, Integer>> byMember = new LinkedHashMap<>();
        Map<Long, Set<UUID>> seen = new LinkedHashMap<>();
        for (AssignmentReminders.Reminder r : reminders.due(today, newSince)) {
            if (seen.computeIfAbsent(r.memberId(), m -> new HashSet<>()).add(r.assignmentId())) {
                byMember.computeIfAbsent(r.memberId(), m -> new EnumMap<>(AssignmentReminders.Why.class))
                        .merge(r.why(), 1, Integer::sum);
            }
        }
        int sent = 0;
        for (Map.Entry<Long, Map<AssignmentReminders.Why, Integer>> each : byMember.entrySet()) {
            Map<AssignmentReminders.Why, Integer> counts = each.getValue();
            List<String> args = Arrays.stream(AssignmentReminders.Why.values())
                    .map(w -> String.valueOf(counts.getOrDefault(w, 0))).toList();
            if (store(each.getKey(), Kind.DIGEST, today, args)) {
                text(each.getKey(), Kind.DIGEST, args);
                sent++;
            }
        }
        return sent;
    }

    /**
     * Reminds every member an assignment of the branch asks and who has not finished it (studied with help counts as
     * finished), once a day each; a member without a login is reached by text only.
     */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional
    public Nudged nudge(long branchId, UUID assignmentId) {
        CompletionMatrix.Matrix m = matrix.of(branchId, CompletionMatrix.Filter.ALL); // refuses outside the scope
        int column = m.columns().stream().map(c -> c.study().assignment().id()).toList().indexOf(assignmentId);
        if (column < 0) {
            throw new AccessDeniedException("assignment " + assignmentId + " is not of branch " + branchId);
        }
        List<String> args = List.of(directory.currentActor().displayName(), m.columns().get(column).study().title());
        LocalDate today = calendar.today();
        int reminded = 0;
        int already = 0;
        int texted = 0;
        for (CompletionMatrix.Row row : m.rows()) {
            CompletionMatrix.State state = row.cells().get(column).state();
            if (state.finished() || state == CompletionMatrix.State.NOT_ASKED) {
                continue;
            }
            if (store(row.member().memberId(), Kind.NUDGE, today, args)) {
                reminded++;
                texted += text(row.member().memberId(), Kind.NUDGE, args) ? 1 : 0;
            } else {
                already++;
            }
        }
        return new Nudged(reminded, already, texted);
    }

    /** How many of the caller's notices are unread (0 for a user who is no member). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public int unread() {
        Long member = directory.currentActor().memberId();
        if (member == null) {
            return 0;
        }
        Integer count = jdbc.queryForObject("select count(*) from branch_notice where member_id = ? and read_at is null",
                Integer.class, member);
        return count == null ? 0 : count;
    }

    /** The caller's latest notices, newest first. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<Notice> mine() {
        Long member = directory.currentActor().memberId();
        if (member == null) {
            return List.of();
        }
        return jdbc.query("select * from branch_notice where member_id = ? order by created_at desc, id desc limit "
                + SHOWN, (rs, n) -> new Notice(rs.getLong("id"), Kind.valueOf(rs.getString("kind")),
                rs.getObject("notice_day", LocalDate.class), List.of(rs.getString("args").split("\\|", -1)),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getObject("read_at") != null), member);
    }

    /** The caller saw their notices. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void readAll() {
        Long member = directory.currentActor().memberId();
        if (member != null) {
            jdbc.update("update branch_notice set read_at = ? where member_id = ? and read_at is null",
                    Timestamp.from(calendar.now()), member);
        }
    }

    /** A notice's words in a language. */
    public String text(Notice notice, Locale locale) {
        return words(notice.kind(), notice.args(), locale);
    }

    private String words(Kind kind, List<String> args, Locale locale) {
        if (kind == Kind.NUDGE) {
            return translations.getTranslation("notice.NUDGE", locale, args.get(0), args.get(1));
        }
        List<String> parts = new ArrayList<>();
        AssignmentReminders.Why[] whys = AssignmentReminders.Why.values();
        for (int i = 0; i < whys.length; i++) {
            if (!"0".equals(args.get(i))) {
                parts.add(translations.getTranslation("notice.DIGEST." + whys[i], locale, args.get(i)));
            }
        }
        return translations.getTranslation("notice.DIGEST", locale,
                String.join(translations.getTranslation("notice.separator", locale), parts));
    }

    /** Stores the notice unless the member has one of its kind today; true when this call stored it. */
    private boolean store(long memberId, Kind kind, LocalDate day, List<String> args) {
        return jdbc.update("insert into branch_notice (member_id, kind, notice_day, args, created_at)"
                + " select ?, ?, ?, ?, ? where not exists (select 1 from branch_notice where member_id = ?"
                + " and kind = ? and notice_day = ?)", memberId, kind.name(), day, String.join("|", args.stream()
                .map(a -> a.replace('|', '\uFF5C')).toList()), // a title's own bar splits nothing
                Timestamp.from(calendar.now()), memberId, kind.name(), day) == 1;
    }

    /** A text in Chinese to the member's mobile, if the branch has one; true when one went out. */
    private boolean text(long memberId, Kind kind, List<String> args) {
        String phone = jdbc.query("select phone from org_member_contact where member_id = ?",
                (rs, n) -> rs.getString(1), memberId).stream().findFirst().orElse(null);
        return Mobile.digits(phone).map(mobile -> {
            notifier.send(new Notifier.Message(memberId, mobile, translations.getTranslation("notice.sms",
                    Translations.CHINESE, words(kind, args, Translations.CHINESE))));
            return true;
        }).orElse(false);
    }
}
