/**
 * The working committees' view of their branches: the "六有一提升" scorecard (indicators as dated data, measured by
 * the platform where it can be, self-assessed where it cannot) and, to come, the rollups from province to member.
 */
@ApplicationModule(allowedDependencies = {"base", "base :: ui", "base :: storage", "org", "study", "branch", "credit"})
@NullMarked
package org.yundangke.committee;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
