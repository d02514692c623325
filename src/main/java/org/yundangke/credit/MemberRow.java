package org.yundangke.credit;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One member's line in a branch's or committee's yearly record; {@code primaryHere} when their primary branch is
 * (one of) the record's, else they are in it through a managing branch.
 */
record MemberRow(String memberName, String primaryBranchName, boolean primaryHere,
                 BigDecimal studyHours, BigDecimal points, BigDecimal targetHours,
                 int lessonsCompleted, int evidenceRecords) {

    MemberRow {
        Objects.requireNonNull(memberName, "memberName");
        Objects.requireNonNull(primaryBranchName, "primaryBranchName");
        Objects.requireNonNull(studyHours, "studyHours");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(targetHours, "targetHours");
    }

    boolean targetReached() {
        return studyHours.compareTo(targetHours) >= 0;
    }
}
