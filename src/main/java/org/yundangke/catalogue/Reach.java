package org.yundangke.catalogue;

import java.util.HashSet;
import java.util.Set;
import org.yundangke.org.OrgDirectory;

/**
 * Whom a member is: the committees above their branches (a lesson for a committee's subtree reaches them) and their
 * own branches, primary and managing (a lesson for a branch reaches its members). Each set holds -1 as well, which no
 * committee or branch has, because SQL has no empty IN list.
 */
record Reach(Set<Long> committees, Set<Long> branches) {

    static final long NONE = -1;

    /** Whether a lesson with this audience reaches these members: everyone, a committee above them or their branch. */
    boolean covers(boolean everyone, Set<Long> audienceCommittees, Set<Long> audienceBranches) {
        return everyone || audienceCommittees.stream().anyMatch(committees::contains)
                || audienceBranches.stream().anyMatch(branches::contains);
    }

    /** The logged-in caller's (the directory works it out once per request). */
    static Reach ofCaller(OrgDirectory directory) {
        return of(directory.myCommitteeLine(), directory.myBranchIds());
    }

    static Reach of(Set<Long> committees, java.util.Collection<Long> branches) {
        Set<Long> c = new HashSet<>(committees);
        c.add(NONE);
        Set<Long> b = new HashSet<>(branches);
        b.add(NONE);
        return new Reach(c, b);
    }
}
