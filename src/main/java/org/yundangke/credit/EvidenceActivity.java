package org.yundangke.credit;

/** The offline activities a 记实 record can be about. */
public enum EvidenceActivity {
    /** 组织生活 (三会一课) */
    ORG_LIFE,
    /** 主题党日 */
    PARTY_DAY,
    /** 志愿服务 */
    VOLUNTEER,
    /** 宣讲授课 */
    LECTURE,
    /** 送学上门: a lesson brought to a member who cannot use a device */
    ASSISTED_STUDY
}
