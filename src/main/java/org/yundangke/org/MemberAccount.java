package org.yundangke.org;

import org.jspecify.annotations.Nullable;

/** A member and the login they study online with; {@code username} is null for a member without one. */
public record MemberAccount(long memberId, String name, @Nullable String username) {
}
