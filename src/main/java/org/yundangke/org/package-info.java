/**
 * Organisation: working committees (province → city → county), branches of three kinds, members with "1+2"
 * memberships, user accounts and roles, and the access scope each user has. Other modules use {@link
 * org.yundangke.org.OrgDirectory} and its records, never the entities.
 */
@ApplicationModule(allowedDependencies = {"base", "base :: ui"})
@NullMarked
package org.yundangke.org;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
