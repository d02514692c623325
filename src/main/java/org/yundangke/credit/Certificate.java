package org.yundangke.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** What one yearly study certificate (学习证明) states about one member. */
record Certificate(String memberName, String primaryBranchName, int year, BigDecimal studyHours,
                   BigDecimal targetHours, BigDecimal points, int lessonsCompleted,
                   LocalDate issuedOn, String issuer) {

    Certificate {
        Objects.requireNonNull(memberName, "memberName");
        Objects.requireNonNull(primaryBranchName, "primaryBranchName");
        Objects.requireNonNull(studyHours, "studyHours");
        Objects.requireNonNull(targetHours, "targetHours");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(issuedOn, "issuedOn");
        Objects.requireNonNull(issuer, "issuer");
    }
}
