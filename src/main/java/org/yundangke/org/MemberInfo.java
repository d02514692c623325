package org.yundangke.org;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

public record MemberInfo(long id, String name, @Nullable String gender, @Nullable Integer birthYear,
                         @Nullable LocalDate partyJoinDate, @Nullable String formerUnit,
                         long primaryBranchId, String primaryBranchName, List<Long> managingBranchIds) {

    /** True when the member is managed by more branches than the primary one ("1+2"). */
    public boolean hasManagingBranches() {
        return !managingBranchIds.isEmpty();
    }
}
