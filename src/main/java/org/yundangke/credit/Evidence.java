package org.yundangke.credit;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.UserError;
import org.yundangke.base.storage.ObjectBytes;
import org.yundangke.base.storage.ObjectStoreProperties;
import org.yundangke.org.MemberInfo;
import org.yundangke.org.OrgDirectory;

/**
 * 记实: a member (for themselves) or a secretary (for a member of their branch) records an offline activity with up
 * to nine photos; the branch's secretary approves it, which writes its 学时 and points, or rejects it with a reason.
 * Photos are stored before the record; if anything fails they are removed again, so nothing is left half-written.
 */
@Service
public class Evidence {

    public static final int MAX_PHOTOS = 9;
    public static final int MAX_PHOTO_BYTES = 10 * 1024 * 1024;

    /** What the form sends; {@code branchId} is the member's branch (primary or managing) the activity was with. */
    public record NewRecord(long memberId, long branchId, EvidenceActivity activity, LocalDate occurredOn,
                            String place, String description, String attendees, List<byte[]> photos) {
    }

    private final JdbcTemplate jdbc;
    private final OrgDirectory directory;
    private final CreditLedger ledger;
    private final ObjectBytes objects;
    private final TransactionTemplate transaction;
    private final String bucket;
    private final StudyCalendar calendar;

    Evidence(JdbcTemplate jdbc, OrgDirectory directory, CreditLedger ledger, ObjectBytes objects,
             TransactionTemplate transaction, ObjectStoreProperties store, StudyCalendar calendar) {
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.directory = directory;
        this.ledger = ledger;
        this.objects = objects;
        this.transaction = transaction;
        this.bucket = store.evidenceBucket();
    }

    /** Records an activity for approval by the secretary of the branch it was with. */
    @PreAuthorize("isAuthenticated()")
    public EvidenceRecord record(NewRecord form) {
        MemberInfo member = directory.member(form.memberId()); // the caller, or a member of a branch in scope
        if (form.branchId() != member.primaryBranchId() && !member.managingBranchIds().contains(form.branchId())) {
            throw new AccessDeniedException("branch " + form.branchId() + " is not one of the member's");
        }
        check(form);
        UUID id = UUID.randomUUID();
        List<String> stored = new ArrayList<>();
        try {
            for (byte[] photo : form.photos()) {
                String type = ObjectBytes.imageType(photo);
                String name = id + "/" + (stored.size() + 1) + "." + ObjectBytes.extension(type == null ? "" : type);
                objects.put(bucket, name, photo, type == null ? "application/octet-stream" : type);
                stored.add(name);
            }
            transaction.executeWithoutResult(tx -> {
                jdbc.update("insert into evidence_record (id, member_id, branch_id, activity, occurred_on, place,"
                        + " description, attendees, state, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?,"
                        + " 'PENDING', ?, ?)", id, member.id(), form.branchId(), form.activity().name(),
                        form.occurredOn(), form.place().strip(), form.description().strip(), form.attendees().strip(),
                        CurrentUser.name(), Timestamp.from(calendar.now()));
                for (int i = 0; i < stored.size(); i++) {
                    jdbc.update("insert into evidence_photo (record_id, position, object) values (?, ?, ?)", id, i + 1,
                            stored.get(i));
                }
            });
        } catch (RuntimeException e) {
            stored.forEach(name -> objects.delete(bucket, name));
            throw e;
        }
        return find(id);
    }

    /** Approves a pending record of a branch the caller leads: its 学时 and points go into the ledger. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public EvidenceRecord approve(UUID recordId) {
        EvidenceRecord record = pendingInScope(recordId);
        transaction.executeWithoutResult(tx -> {
            decide(recordId, EvidenceRecord.State.APPROVED, null);
            // studied with help: the history names the lesson; other activities their place
            String title = record.activity() == EvidenceActivity.ASSISTED_STUDY ? record.description() : record.place();
            for (String rule : List.of(CreditRule.EVIDENCE_HOURS, CreditRule.EVIDENCE_POINTS)) {
                ledger.award(new CreditLedger.Award(record.memberId(), rule, CreditSource.EVIDENCE,
                        recordId.toString(), record.occurredOn(), title, CurrentUser.name(), BigDecimal.ONE,
                        record.activity()));
            }
        });
        return find(recordId);
    }

    /** Rejects a pending record with the reason the member will read. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public EvidenceRecord reject(UUID recordId, String reason) {
        pendingInScope(recordId);
        if (reason.isBlank() || reason.length() > 500) {
            throw new UserError("evidence.reject.reason");
        }
        transaction.executeWithoutResult(tx -> decide(recordId, EvidenceRecord.State.REJECTED, reason.strip()));
        return find(recordId);
    }

    /** A member's records, newest first: the caller's own, or a member in the caller's scope. */
    @PreAuthorize("isAuthenticated()")
    public List<EvidenceRecord> ofMember(long memberId) {
        directory.requireMemberInScope(memberId);
        return load("r.member_id = ?", "r.occurred_on desc, r.recorded_at desc", memberId);
    }

    /**
     * The members of a branch in the caller's scope with a record approved in that branch for something that happened
     * between {@code first} and {@code last} (both included).
     */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public Set<Long> membersWithApproved(long branchId, LocalDate first, LocalDate last) {
        directory.requireBranchInScope(branchId);
        return new HashSet<>(jdbc.queryForList("select distinct member_id from evidence_record where branch_id = ?"
                + " and state = 'APPROVED' and occurred_on between ? and ?", Long.class, branchId, first, last));
    }

    /** Records waiting for a branch's decision, oldest first. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public List<EvidenceRecord> pending(long branchId) {
        directory.requireBranchInScope(branchId);
        return load("r.branch_id = ? and r.state = 'PENDING'", "r.recorded_at", branchId);
    }

    /** A photo of a record the caller may see. */
    @PreAuthorize("isAuthenticated()")
    public byte[] photo(UUID recordId, int position) {
        EvidenceRecord record = find(recordId);
        directory.requireMemberInScope(record.memberId());
        if (position < 1 || position > record.photos().size()) {
            throw new AccessDeniedException("no photo " + position + " of " + recordId);
        }
        return objects.read(bucket, record.photos().get(position - 1));
    }

    private void check(NewRecord form) {
        if (form.place().isBlank() || form.description().isBlank()) {
            throw new UserError("evidence.missing");
        }
        if (form.occurredOn().isAfter(calendar.today())) {
            throw new UserError("evidence.future");
        }
        if (form.place().length() > 200 || form.description().length() > 2000 || form.attendees().length() > 1000) {
            throw new UserError("evidence.too-long");
        }
        if (form.photos().size() > MAX_PHOTOS) {
            throw new UserError("evidence.photos.too-many", MAX_PHOTOS);
        }
        for (byte[] photo : form.photos()) {
            if (photo.length > MAX_PHOTO_BYTES) {
                throw new UserError("evidence.photos.too-large", MAX_PHOTO_BYTES / 1024 / 1024);
            }
            if (ObjectBytes.imageType(photo) == null) {
                throw new UserError("evidence.photos.not-image");
            }
        }
    }

    private EvidenceRecord pendingInScope(UUID recordId) {
        EvidenceRecord record = find(recordId);
        directory.requireBranchInScope(record.branchId());
        if (Long.valueOf(record.memberId()).equals(directory.currentActor().memberId())) {
            throw new UserError("evidence.own"); // nobody approves their own record
        }
        if (record.state() != EvidenceRecord.State.PENDING) {
            throw new UserError("evidence.decided");
        }
        return record;
    }

    private void decide(UUID recordId, EvidenceRecord.State state, @Nullable String reason) {
        int changed = jdbc.update("update evidence_record set state = ?, decided_by = ?, decided_at = ?,"
                + " reject_reason = ? where id = ? and state = 'PENDING'", state.name(), CurrentUser.name(),
                Timestamp.from(calendar.now()), reason, recordId);
        if (changed == 0) {
            throw new UserError("evidence.decided"); // decided by someone else a moment ago
        }
    }

    EvidenceRecord find(UUID recordId) {
        return load("r.id = ?", "r.id", recordId).stream().findFirst()
                .orElseThrow(() -> new AccessDeniedException("no record " + recordId));
    }

    /** Records matching {@code where} (on {@code r}) with their photos: two statements however many records. */
    private List<EvidenceRecord> load(String where, String order, Object argument) {
        Map<UUID, List<String>> photos = new HashMap<>();
        jdbc.query("select p.record_id, p.object from evidence_photo p join evidence_record r on r.id = p.record_id"
                + " where " + where + " order by p.record_id, p.position", rs -> {
                    photos.computeIfAbsent(rs.getObject("record_id", UUID.class), id -> new ArrayList<>())
                            .add(rs.getString("object"));
                }, argument);
        return jdbc.query("select r.*, m.name as member_name from evidence_record r join org_member m on m.member_id = r.member_id"
                + " where " + where + " order by " + order, (rs, n) -> new EvidenceRecord(rs.getObject("id", UUID.class),
                rs.getLong("member_id"), rs.getString("member_name"), rs.getLong("branch_id"),
                EvidenceActivity.valueOf(rs.getString("activity")), rs.getObject("occurred_on", LocalDate.class),
                rs.getString("place"), rs.getString("description"), rs.getString("attendees"),
                EvidenceRecord.State.valueOf(rs.getString("state")), rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("decided_by"),
                rs.getString("reject_reason"), List.copyOf(photos.getOrDefault(rs.getObject("id", UUID.class),
                List.of()))), argument);
    }
}
