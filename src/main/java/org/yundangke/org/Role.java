package org.yundangke.org;

/** What a user may do. A branch secretary is usually a member too, so an account holds a set of roles. */
public enum Role {
    MEMBER, SECRETARY, LECTURER, ADMIN;

    /** The Spring Security authority name, as used by {@code @RolesAllowed}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
