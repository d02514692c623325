package org.yundangke.org;

import org.jspecify.annotations.Nullable;

/** Who leads a branch, and the phone the branch keeps for them: whom a member asks for help. */
public record BranchSecretary(String branchName, String name, @Nullable String phone) {
}
