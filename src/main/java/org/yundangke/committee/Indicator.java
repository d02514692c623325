package org.yundangke.committee;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One version of a scorecard indicator: its aspect of the six and place in it, what it asks, its weight (of 100), and
 * how it is measured: {@link Measure#SELF} by the secretary with evidence, or by the platform up to {@code target}.
 */
public record Indicator(String code, int version, LocalDate effectiveFrom, Aspect aspect, int position, String title,
                        String description, BigDecimal weight, Measure measure, @Nullable BigDecimal target,
                        String changedBy, String note) {

    /** The six aspects of 六有: 有党的组织, 有领导班子, 有组织活动, 有作用发挥, 有工作制度, 有工作保障. */
    public enum Aspect { ORGANISATION, LEADERSHIP, ACTIVITIES, ROLE, RULES, SUPPORT }

    /** Where an indicator's value comes from. */
    public enum Measure {
        /** self-assessed by the secretary with evidence */
        SELF,
        /** 三会一课 held in the quarter (organisation-life events other than 主题党日) */
        ORG_LIFE_QUARTER,
        /** 主题党日 held in the quarter */
        PARTY_DAY_QUARTER,
        /** present marks of all marks taken in the quarter's events, percent */
        ATTENDANCE_RATE,
        /** finished (or studied with help) of all asked cells of the branch's assignments, percent */
        ASSIGNMENTS_DONE,
        /** members with a login of all members, percent */
        MEMBERS_ONLINE,
        /** members with an approved 记实 record (recorded in the branch) that happened in the quarter, percent */
        EVIDENCE_SHARE,
        /** members whose 学时 by the quarter's end reached the yearly target's share for it (a quarter each), percent */
        STUDY_ON_TRACK
    }

    public boolean measured() {
        return measure != Measure.SELF;
    }
}
