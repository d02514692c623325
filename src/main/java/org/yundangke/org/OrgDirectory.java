package org.yundangke.org;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation as other modules and views may read it, always within the caller's scope: a member sees their own
 * branches, a secretary the branches they lead, an admin their committee's subtree. Every check happens here on the
 * server, whatever the UI shows.
 */
@Service
@Transactional(readOnly = true)
public class OrgDirectory {

    private final UserAccountRepository accounts;
    private final CommitteeRepository committees;
    private final BranchRepository branches;
    private final MemberRepository members;

    OrgDirectory(UserAccountRepository accounts, CommitteeRepository committees, BranchRepository branches,
                 MemberRepository members) {
        this.accounts = accounts;
        this.committees = committees;
        this.branches = branches;
        this.members = members;
    }

    /** The logged-in user; fails when nobody is logged in. */
    @PreAuthorize("isAuthenticated()")
    public Actor currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new AccessDeniedException("not logged in");
        }
        UserAccount account = accounts.findByUsername(auth.getName())
                .orElseThrow(() -> new AccessDeniedException("unknown user " + auth.getName()));
        return new Actor(account.getUsername(), account.getDisplayName(), account.getRoles(), account.getMemberId(),
                account.getCommitteeId(), account.getLedBranchIds());
    }

    /** The caller's own member record with their primary and managing branches. */
    @PreAuthorize("hasRole('MEMBER')")
    public Optional<MemberInfo> myMemberRecord() {
        Long memberId = currentActor().memberId();
        return memberId == null ? Optional.empty() : members.findById(memberId).map(Member::toInfo);
    }

    /**
     * The committees the caller belongs under: those of their primary and managing branches and every committee
     * above them. A lesson meant for a committee's subtree reaches a member when one of these is that committee.
     */
    @PreAuthorize("isAuthenticated()")
    public Set<Long> myCommitteeLine() {
        Set<Long> line = new HashSet<>();
        for (Branch branch : branches.findAllWithCommittee(ownBranchIds(currentActor()))) {
            for (String id : branch.getCommittee().getPath().split("/")) {
                if (!id.isEmpty()) {
                    line.add(Long.parseLong(id));
                }
            }
        }
        return line;
    }

    /** Branches the caller may look into: led branches for a secretary, the committee subtree for an admin. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public List<BranchInfo> branchesInScope() {
        Actor actor = currentActor();
        Stream<Branch> led = branches.findAllWithCommittee(actor.ledBranchIds()).stream();
        Stream<Branch> administered = subtreePath(actor)
                .map(path -> branches.findInSubtree(path).stream()).orElseGet(Stream::empty);
        return Stream.concat(administered, led).distinct()
                .map(b -> b.toInfo(members.countAttachedTo(b.getId()))).toList();
    }

    /** Branches of the given ids the caller may see, with names; used to label a member's "1+2" memberships. */
    @PreAuthorize("isAuthenticated()")
    public List<BranchInfo> branchesByIds(List<Long> ids) {
        Actor actor = currentActor();
        List<Long> own = ownBranchIds(actor);
        Optional<String> subtree = subtreePath(actor);
        return branches.findAllWithCommittee(ids).stream()
                .filter(b -> canSee(actor, subtree, b) || own.contains(b.getId()))
                .map(b -> b.toInfo(members.countAttachedTo(b.getId()))).toList();
    }

    /** Members attached to a branch (primary or managing), one page; refused outside the caller's scope. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public Page<MemberInfo> membersOf(long branchId, Pageable page) {
        requireBranchInScope(branchId);
        return members.findAttachedTo(branchId, page).map(Member::toInfo);
    }

    /** The committees an admin manages: their own and everything below, parents before children. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<CommitteeInfo> committeesInScope() {
        return subtreePath(currentActor()).map(committees::findByPathStartingWithOrderByPath).orElse(List.of())
                .stream().map(Committee::toInfo).toList();
    }

    /** Throws {@link AccessDeniedException} unless the caller leads the branch or administers its committee. */
    @PreAuthorize("isAuthenticated()")
    public void requireBranchInScope(long branchId) {
        Actor actor = currentActor();
        Branch branch = branches.findById(branchId).orElseThrow(() -> new AccessDeniedException("no branch " + branchId));
        if (!canSee(actor, subtreePath(actor), branch)) {
            throw new AccessDeniedException(actor.username() + " may not see branch " + branchId);
        }
    }

    private static boolean canSee(Actor actor, Optional<String> subtree, Branch branch) {
        return actor.ledBranchIds().contains(branch.getId())
                || subtree.map(branch.getCommittee().getPath()::startsWith).orElse(false);
    }

    /** The member's primary branch and managing branches ("1+2"); none for an account without a member record. */
    private List<Long> ownBranchIds(Actor actor) {
        if (actor.memberId() == null) {
            return List.of();
        }
        Member member = members.findById(actor.memberId()).orElseThrow();
        List<Long> ids = new ArrayList<>(member.getManagingBranchIds());
        ids.add(member.getPrimaryBranch().getId());
        return ids;
    }

    private Optional<String> subtreePath(Actor actor) {
        if (!actor.has(Role.ADMIN) || actor.committeeId() == null) {
            return Optional.empty();
        }
        return committees.findById(Objects.requireNonNull(actor.committeeId())).map(Committee::getPath);
    }
}
