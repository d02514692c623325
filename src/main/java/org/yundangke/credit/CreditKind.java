package org.yundangke.credit;

/** 学时 or 积分. */
public enum CreditKind {
    STUDY_HOURS, POINTS
}
