package org.yundangke.org;

/** A branch as other modules and views see it; {@code memberCount} counts primary and managed members once each. */
public record BranchInfo(long id, String name, BranchKind kind, String committeeName, boolean modelBranch,
                         long memberCount) {
}
