package org.yundangke.branch;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.UserError;
import org.yundangke.base.storage.ObjectBytes;
import org.yundangke.base.storage.ObjectStoreProperties;
import org.yundangke.credit.Evidence;
import org.yundangke.credit.EvidenceActivity;
import org.yundangke.org.MemberAccount;
import org.yundangke.org.OrgDirectory;

/**
 * Organisation life (三会一课 and 主题党日): a secretary schedules an event (when, where or the meeting link, the
 * topic), takes attendance in the room (present, excused, absent; each tap saved), attaches the minutes and photos,
 * and confirms the attendance: each member present then gets an approved 记实 record, which writes their credit, once.
 */
@Service
public class OrgLife {

    public enum Kind {
        /** 支部党员大会 */ BRANCH_MEETING,
        /** 支部委员会 */ COMMITTEE_MEETING,
        /** 党小组会 */ GROUP_MEETING,
        /** 党课 */ PARTY_LESSON,
        /** 主题党日 */ PARTY_DAY
    }

    public enum Status { PRESENT, EXCUSED, ABSENT }

    public record Event(UUID id, long branchId, Kind kind, Instant startsAt, String place, @Nullable String onlineLink,
                        String topic, String createdBy) {
    }

    /** What the schedule form sends. */
    public record NewEvent(long branchId, Kind kind, Instant startsAt, String place, @Nullable String onlineLink,
                           String topic) {
    }

    /** A member of the branch and their mark (none yet), and whether their credit was written. */
    public record Mark(MemberAccount member, @Nullable Status status, boolean credited) {
    }

    public record File(int position, FileKind kind, String fileName, String contentType) {
    }

    public enum FileKind { MINUTES, PHOTO }

    static final int MAX_FILE_BYTES = 20 * 1024 * 1024;
    static final int MAX_FILES = 20;

    private static final RowMapper<Event> EVENT = (rs, n) -> new Event(rs.getObject("id", UUID.class),
            rs.getLong("branch_id"), Kind.valueOf(rs.getString("kind")),
            rs.getObject("starts_at", OffsetDateTime.class).toInstant(), rs.getString("place"),
            rs.getString("online_link"), rs.getString("topic"), rs.getString("created_by"));

    private final JdbcTemplate jdbc;
    private final OrgDirectory directory;
    private final Evidence evidence;
    private final ObjectBytes objects;
    private final TransactionTemplate transaction;
    private final StudyCalendar calendar;
    private final String bucket;

    OrgLife(JdbcTemplate jdbc, OrgDirectory directory, Evidence evidence, ObjectBytes objects,
            TransactionTemplate transaction, StudyCalendar calendar, ObjectStoreProperties store) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.evidence = evidence;
        this.objects = objects;
        this.transaction = transaction;
        this.calendar = calendar;
        this.bucket = store.evidenceBucket();
    }

    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional
    public Event schedule(NewEvent form) {
        directory.requireBranchInScope(form.branchId());
        String topic = form.topic().strip();
        String place = form.place().strip();
        String link = form.onlineLink() == null ? "" : form.onlineLink().strip();
        if (topic.isEmpty() || topic.length() > 200) {
            throw new UserError("event.topic");
        }
        if (place.isEmpty() || place.length() > 200) {
            throw new UserError("event.where"); // an online meeting says so: "线上（腾讯会议）"
        }
        if (!link.isEmpty() && (!link.matches("https://\\S+") || link.length() > 500)) {
            throw new UserError("event.link");
        }
        UUID id = UUID.randomUUID();
        jdbc.update("insert into org_event (id, branch_id, kind, starts_at, place, online_link, topic, created_by,"
                + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, form.branchId(), form.kind().name(),
                Timestamp.from(form.startsAt()), place, link.isEmpty() ? null : link, topic, CurrentUser.name(),
                Timestamp.from(calendar.now()));
        return event(id);
    }

    /** A branch's events, the latest first. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<Event> of(long branchId) {
        directory.requireBranchInScope(branchId);
        return jdbc.query("select * from org_event where branch_id = ? order by starts_at desc", EVENT, branchId);
    }

    /** How many of each status each of a branch's events has: event → status → count. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional(readOnly = true)
    public Map<UUID, Map<Status, Integer>> counts(long branchId) {
        directory.requireBranchInScope(branchId);
        Map<UUID, Map<Status, Integer>> counts = new HashMap<>();
        jdbc.query("select a.event_id, a.status, count(*) from org_event_attendance a join org_event e"
                + " on e.id = a.event_id where e.branch_id = ? group by a.event_id, a.status", rs -> {
                    counts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new EnumMap<>(Status.class))
                            .put(Status.valueOf(rs.getString(2)), rs.getInt(3));
                }, branchId);
        return counts;
    }

    /** An event of a branch in the caller's scope. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional(readOnly = true)
    public Event event(UUID eventId) {
        Event event = jdbc.query("select * from org_event where id = ?", EVENT, eventId).stream().findFirst()
                .orElseThrow(() -> new AccessDeniedException("no event " + eventId));
        directory.requireBranchInScope(event.branchId());
        return event;
    }

    /** Every member of the event's branch with their mark, by name. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<Mark> marks(UUID eventId) {
        Event event = event(eventId);
        Map<Long, Status> status = new HashMap<>();
        Map<Long, Boolean> credited = new HashMap<>();
        jdbc.query("select member_id, status, evidence_id from org_event_attendance where event_id = ?", rs -> {
            status.put(rs.getLong(1), Status.valueOf(rs.getString(2)));
            credited.put(rs.getLong(1), rs.getObject(3) != null);
        }, eventId);
        return directory.memberAccountsOf(event.branchId()).stream().map(m -> new Mark(m, status.get(m.memberId()),
                credited.getOrDefault(m.memberId(), false))).toList();
    }

    /** Marks one member of the branch (a tap in the room): saved at once, changeable until confirmed and after. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional
    public void mark(UUID eventId, long memberId, Status status) {
        Event event = event(eventId);
        if (directory.memberAccountsOf(event.branchId()).stream().noneMatch(m -> m.memberId() == memberId)) {
            throw new AccessDeniedException("member " + memberId + " is not of branch " + event.branchId());
        }
        Timestamp now = Timestamp.from(calendar.now());
        int changed = jdbc.update("update org_event_attendance set status = ?, marked_by = ?, marked_at = ?"
                + " where event_id = ? and member_id = ?", status.name(), CurrentUser.name(), now, eventId, memberId);
        if (changed == 0) {
            jdbc.update("insert into org_event_attendance (event_id, member_id, status, marked_by, marked_at)"
                    + " values (?, ?, ?, ?, ?)", eventId, memberId, status.name(), CurrentUser.name(), now);
        }
    }

    /**
     * Confirms the attendance: every member marked present and not yet credited gets an approved 记实 record of the
     * event (its credit goes into the ledger), each in its own transaction so one refusal holds up no other. Returns
     * how many were credited now. An event in the future cannot be confirmed.
     */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public int confirm(UUID eventId) {
        Event event = event(eventId);
        LocalDate day = LocalDate.ofInstant(event.startsAt(), StudyCalendar.ZONE);
        if (day.isAfter(calendar.today())) {
            throw new UserError("event.confirm.future");
        }
        List<Long> present = jdbc.queryForList("select member_id from org_event_attendance where event_id = ?"
                + " and status = 'PRESENT' and evidence_id is null", Long.class, eventId);
        EvidenceActivity activity = event.kind() == Kind.PARTY_DAY ? EvidenceActivity.PARTY_DAY
                : EvidenceActivity.ORG_LIFE;
        int credited = 0;
        for (long member : present) {
            transaction.executeWithoutResult(tx -> {
                UUID record = evidence.record(new Evidence.NewRecord(member, event.branchId(), activity, day,
                        event.place(), event.topic(), "", List.of())).id();
                evidence.approve(record);
                jdbc.update("update org_event_attendance set evidence_id = ? where event_id = ? and member_id = ?"
                        + " and evidence_id is null", record, eventId, member);
            });
            credited++;
        }
        return credited;
    }

    /** Adds the minutes or a photo (a picture, a PDF or a Word file of at most 20 MB). */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public File attach(UUID eventId, FileKind kind, String fileName, byte[] data) {
        event(eventId);
        String type = contentType(kind, data);
        if (data.length > MAX_FILE_BYTES) {
            throw new UserError("event.file.too-large", MAX_FILE_BYTES / 1024 / 1024);
        }
        Integer count = jdbc.queryForObject("select count(*) from org_event_file where event_id = ?", Integer.class,
                eventId);
        if (count != null && count >= MAX_FILES) {
            throw new UserError("event.file.too-many", MAX_FILES);
        }
        String name = "events/" + eventId + "/" + UUID.randomUUID();
        return objects.putThen(bucket, name, data, type, () -> transaction.execute(tx -> {
            Integer last = jdbc.queryForObject("select coalesce(max(position), 0) from org_event_file"
                    + " where event_id = ?", Integer.class, eventId);
            int position = (last == null ? 0 : last) + 1;
            String shown = fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
            jdbc.update("insert into org_event_file (event_id, position, kind, object, file_name, content_type)"
                    + " values (?, ?, ?, ?, ?, ?)", eventId, position, kind.name(), name, shown, type);
            return new File(position, kind, shown, type);
        }));
    }

    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<File> files(UUID eventId) {
        event(eventId);
        return jdbc.query("select * from org_event_file where event_id = ? order by position", (rs, n) -> new File(
                rs.getInt("position"), FileKind.valueOf(rs.getString("kind")), rs.getString("file_name"),
                rs.getString("content_type")), eventId);
    }

    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public byte[] file(UUID eventId, int position) {
        event(eventId);
        String object = jdbc.queryForObject("select object from org_event_file where event_id = ? and position = ?",
                String.class, eventId, position);
        return objects.read(bucket, object);
    }

    private static String contentType(FileKind kind, byte[] data) {
        String image = ObjectBytes.imageType(data);
        if (image != null) {
            return image;
        }
        if (kind == FileKind.MINUTES && ObjectBytes.isPdf(data)) {
            return "application/pdf";
        }
        if (kind == FileKind.MINUTES && data.length > 4 && data[0] == 'P' && data[1] == 'K' && data[2] == 3
                && data[3] == 4) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        throw new UserError(kind == FileKind.PHOTO ? "event.file.not-photo" : "event.file.not-minutes");
    }

    /** The attendance of each status, for a list. */
    public static Map<Status, Integer> tally(List<Mark> marks) {
        Map<Status, Integer> tally = new EnumMap<>(Status.class);
        marks.stream().filter(m -> m.status() != null).forEach(m -> tally.merge(m.status(), 1, Integer::sum));
        return tally;
    }
}
