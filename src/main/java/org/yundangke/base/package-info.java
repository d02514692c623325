/**
 * Shared foundation every feature module builds on: security, translations, display preferences (font size,
 * language), the clock and calendar, errors; with two named interfaces: {@code ui} (the app shell and the pieces views
 * share) and {@code storage} (the object store). Its other subpackages stay its own.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package org.yundangke.base;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
