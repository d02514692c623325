package org.yundangke.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the ledger (积分/学时台账), never changed once written. {@code cappedReason} says why an award was
 * 0 or less than the rule gives; {@code reversesId} marks a correction of an earlier entry.
 */
public record LedgerEntry(long id, long memberId, int year, CreditKind kind, BigDecimal amount, String ruleCode,
                          int ruleVersion, CreditSource source, String sourceId, @Nullable String cappedReason,
                          @Nullable Long reversesId, @Nullable String note, String title, String recordedBy,
                          LocalDate occurredOn, Instant recordedAt, @Nullable EvidenceActivity activity) {
}
