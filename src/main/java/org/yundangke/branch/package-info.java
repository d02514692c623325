/**
 * The branch secretary's workspace: who has studied what (the completion matrix and its Excel), studied with help
 * (送学上门), reminders (the bell, the daily digest, the nudge) and organisation life (三会一课, 主题党日) with
 * attendance. It uses the other modules' public APIs; study keeps the assignments themselves, because a member's home
 * (study) lists them and study must not depend on this module.
 */
@ApplicationModule(allowedDependencies = {"base", "base :: ui", "base :: storage", "org", "study", "credit"})
@NullMarked
package org.yundangke.branch;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
