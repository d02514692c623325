/**
 * Shared foundation every feature module builds on: security, translations, display preferences (font size,
 * language), the object store, the app shell and layout. An open module: its subpackages are usable by all.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.yundangke.base;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
