/**
 * Catalogue: lessons (党课) made from uploaded talks, their publication state (draft → published → archived) and
 * audience (everyone, or chosen committees' subtrees). Members see published lessons meant for them; the talks of
 * those lessons become playable for them through {@link org.yundangke.media.PlaybackPermission}.
 */
@ApplicationModule(allowedDependencies = {"base", "base :: ui", "base :: storage", "media", "org"})
@NullMarked
package org.yundangke.catalogue;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
