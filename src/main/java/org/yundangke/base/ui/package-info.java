/**
 * The app's shell and the pieces every view uses: layout, login, font size, language, empty states, toasts, the
 * refusal messages. Published to the feature modules' {@code ui} packages as base's named interface "ui".
 */
@NamedInterface("ui")
@NullMarked
package org.yundangke.base.ui;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
