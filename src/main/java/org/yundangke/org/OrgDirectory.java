package org.yundangke.org;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
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

    /** The ids of {@link #branchesInScope()}, without counting their members. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public Set<Long> branchIdsInScope() {
        Actor actor = currentActor();
        Stream<Branch> administered = subtreePath(actor)
                .map(path -> branches.findInSubtree(path).stream()).orElseGet(Stream::empty);
        Set<Long> ids = new HashSet<>(actor.ledBranchIds());
        administered.forEach(b -> ids.add(b.getId()));
        return ids;
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

    /**
     * Every member attached to a branch (primary or managing), by name, with the login they study online with (none
     * for a member who only studies offline); refused outside the caller's scope.
     */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public List<MemberAccount> memberAccountsOf(long branchId) {
        requireBranchInScope(branchId);
        List<Member> attached = members.findAttachedTo(branchId, Pageable.unpaged(Sort.by("name"))).getContent();
        Map<Long, String> logins = accounts.findByMemberIdIn(attached.stream().map(Member::getId).toList()).stream()
                .collect(Collectors.toMap(UserAccount::getMemberId, UserAccount::getUsername, (a, b) -> a));
        return attached.stream().map(m -> new MemberAccount(m.getId(), m.getName(), logins.get(m.getId()))).toList();
    }

    /** The branches the caller belongs to as a member: primary first, then managing ("1+2"). */
    @PreAuthorize("isAuthenticated()")
    public List<Long> myBranchIds() {
        return ownBranchIds(currentActor());
    }

    /** Whether the caller administers the whole province (the committee at the top of the tree). */
    @PreAuthorize("isAuthenticated()")
    public boolean administersProvince() {
        Actor actor = currentActor();
        return actor.has(Role.ADMIN) && actor.committeeId() != null && committees.findById(actor.committeeId())
                .map(c -> c.getParent() == null).orElse(false);
    }

    /**
     * The member record behind a login, for work done on a member's behalf without anyone logged in (an event
     * listener awarding credit); none for a login without a member record.
     */
    @PreAuthorize("permitAll()")
    public Optional<Long> memberIdOf(String username) {
        return accounts.findByUsername(username).map(UserAccount::getMemberId);
    }

    /** A member: the caller's own record, or one attached to a branch the caller leads or administers. */
    @PreAuthorize("isAuthenticated()")
    public MemberInfo member(long memberId) {
        requireMemberInScope(memberId);
        return members.findById(memberId).map(Member::toInfo).orElseThrow();
    }

    /** Throws {@link AccessDeniedException} unless the member is the caller or attached to a branch in their scope. */
    @PreAuthorize("isAuthenticated()")
    public void requireMemberInScope(long memberId) {
        Actor actor = currentActor();
        if (Objects.equals(actor.memberId(), memberId)) {
            return;
        }
        Member member = members.findById(memberId).orElseThrow(() -> new AccessDeniedException("no member " + memberId));
        List<Long> attached = new ArrayList<>(member.getManagingBranchIds());
        attached.add(member.getPrimaryBranch().getId());
        Optional<String> subtree = subtreePath(actor);
        boolean inScope = branches.findAllWithCommittee(attached).stream().anyMatch(b -> canSee(actor, subtree, b));
        if (!inScope) {
            throw new AccessDeniedException(actor.username() + " may not see member " + memberId);
        }
    }

    /** Throws {@link AccessDeniedException} unless the caller administers the committee (or one above it). */
    @PreAuthorize("hasRole('ADMIN')")
    public CommitteeInfo requireCommitteeInScope(long committeeId) {
        Committee committee = committees.findById(committeeId)
                .orElseThrow(() -> new AccessDeniedException("no committee " + committeeId));
        if (!subtreePath(currentActor()).map(committee.getPath()::startsWith).orElse(false)) {
            throw new AccessDeniedException("committee " + committeeId + " is outside the caller's area");
        }
        return committee.toInfo();
    }

    /** The committees an admin manages: their own and everything below, parents before children. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<CommitteeInfo> committeesInScope() {
        return subtreePath(currentActor()).map(committees::findByPathStartingWithOrderByPath).orElse(List.of())
                .stream().map(Committee::toInfo).toList();
    }

    /**
     * The branch named by a route parameter, if the caller leads it or administers its committee; an unreadable id is
     * refused like a branch outside the scope.
     */
    @PreAuthorize("isAuthenticated()")
    public BranchInfo branchInScope(String id) {
        long branchId;
        try {
            branchId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new AccessDeniedException("no branch " + id);
        }
        requireBranchInScope(branchId);
        Branch branch = branches.findAllWithCommittee(List.of(branchId)).getFirst();
        return branch.toInfo(members.countAttachedTo(branchId));
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
        ids.addFirst(member.getPrimaryBranch().getId());
        return ids;
    }

    private Optional<String> subtreePath(Actor actor) {
        if (!actor.has(Role.ADMIN) || actor.committeeId() == null) {
            return Optional.empty();
        }
        return committees.findById(Objects.requireNonNull(actor.committeeId())).map(Committee::getPath);
    }
}
