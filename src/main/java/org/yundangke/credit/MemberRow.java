package org.yundangke.credit;

import java.math.BigDecimal;
import java.util.Objects;

/** One member's line in a branch's or committee's yearly record. {@code relation} is 隶属 or 管理. */
record MemberRow(String memberName, String primaryBranchName, String relation,
                 BigDecimal studyHours, BigDecimal points, BigDecimal targetHours,
                 int lessonsCompleted, int evidenceRecords) {

    MemberRow {
        Objects.requireNonNull(memberName, "memberName");
        Objects.requireNonNull(primaryBranchName, "primaryBranchName");
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(studyHours, "studyHours");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(targetHours, "targetHours");
    }

    boolean targetReached() {
        return studyHours.compareTo(targetHours) >= 0;
    }
}
