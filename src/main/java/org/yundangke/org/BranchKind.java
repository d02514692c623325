package org.yundangke.org;

/** The three kinds of retired cadres' Party branch. */
public enum BranchKind {
    /** 原单位党支部 */
    ORIGINAL_UNIT,
    /** 社区"家门口"党支部 */
    COMMUNITY,
    /** 社团协会、养老机构党支部 */
    ASSOCIATION
}
