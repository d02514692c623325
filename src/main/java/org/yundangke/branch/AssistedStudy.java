package org.yundangke.branch;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.credit.Evidence;
import org.yundangke.credit.EvidenceActivity;
import org.yundangke.study.Assignments;

/**
 * Studied with help (送学上门 / 家属协助): for a member who cannot use a device, the secretary records that an
 * assignment was studied together, when, where and who helped, with an optional photo. It completes the assignment
 * for the member at once; the 记实 record it makes (activity 送学上门) waits for approval like any other, and its
 * credit reaches the ledger marked as studied with help. Honest, logged help instead of relatives studying under the
 * member's login.
 */
@Service
public class AssistedStudy {

    /** What the form sends. */
    public record Help(UUID assignmentId, long memberId, LocalDate studiedOn, String place, String helper,
                       List<byte[]> photos) {
    }

    private final Assignments assignments;
    private final Evidence evidence;

    AssistedStudy(Assignments assignments, Evidence evidence) {
        this.assignments = assignments;
        this.evidence = evidence;
    }

    /** Records the help and its 记实 record in one transaction; returns the record's id. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional
    public UUID record(Help help) {
        return assignments.recordAssisted(help.assignmentId(), help.memberId(), help.studiedOn(), help.helper(),
                study -> evidence.record(new Evidence.NewRecord(help.memberId(), study.assignment().branchId(),
                        EvidenceActivity.ASSISTED_STUDY, help.studiedOn(), help.place(), study.title(),
                        help.helper(), help.photos())).id());
    }
}
