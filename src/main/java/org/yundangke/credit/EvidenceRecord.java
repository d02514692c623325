package org.yundangke.credit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A 记实 record as views see it; {@code photos} are object names in the evidence bucket, in order. */
public record EvidenceRecord(UUID id, long memberId, String memberName, long branchId, EvidenceActivity activity,
                             LocalDate occurredOn, String place, String description, String attendees, State state,
                             String recordedBy, Instant recordedAt, @Nullable String decidedBy,
                             @Nullable String rejectReason, List<String> photos) {

    public enum State { PENDING, APPROVED, REJECTED }
}
