package org.yundangke.org;

import org.jspecify.annotations.Nullable;

public record CommitteeInfo(long id, String name, CommitteeLevel level, @Nullable Long parentId) {
}
