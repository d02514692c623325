package org.yundangke.org;

import java.time.Month;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Comparator;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

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

    private final JdbcTemplate jdbc;

    OrgDirectory(UserAccountRepository accounts, CommitteeRepository committees, BranchRepository branches,
                 MemberRepository members, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.committees = committees;
        this.branches = branches;
        this.members = members;
    }

    /** The logged-in user; fails when nobody is logged in. */
    @PreAuthorize("isAuthenticated()")
    public Actor currentActor() {
        return caller().actor();
    }

    /** The caller's own member record with their primary and managing branches. */
    @PreAuthorize("hasRole('MEMBER')")
    public Optional<MemberInfo> myMemberRecord() {
        Long memberId = currentActor().memberId();
        return memberId == null ? Optional.empty() : members.findById(memberId).map(Member::toInfo);
    }

    /**
     * Members of a branch in the caller's scope whose 政治生日 (the day they joined the Party) falls in {@code month},
     * by day: the secretary congratulates them, as branches do.
     */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public List<MemberInfo> partyBirthdays(long branchId, Month month) {
        requireBranchInScope(branchId);
        return members.findPartyBirthdays(branchId, month.getValue()).stream().map(Member::toInfo).toList();
    }

    /** The secretaries of the caller's branches, their primary branch's first: whom to ask for help. */
    @PreAuthorize("hasRole('MEMBER')")
    public List<BranchSecretary> mySecretaries() {
        return myMemberRecord().map(record -> {
            List<Long> ids = new ArrayList<>(record.managingBranchIds());
            ids.addFirst(record.primaryBranchId());
            return branches.findSecretaries(ids).stream()
                    .sorted(Comparator.comparing(row -> row.getBranchId() != record.primaryBranchId()))
                    .map(row -> new BranchSecretary(row.getBranchName(), row.getName(), row.getPhone())).toList();
        }).orElse(List.of());
    }

    /**
     * The committees the caller belongs under: those of their primary and managing branches and every committee
     * above them. A lesson meant for a committee's subtree reaches a member when one of these is that committee.
     */
    @PreAuthorize("isAuthenticated()")
    public Set<Long> myCommitteeLine() {
        return caller().committeeLine();
    }

    /** Branches the caller may look into: led branches for a secretary, the committee subtree for an admin. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public List<BranchInfo> branchesInScope() {
        Caller caller = caller();
        Stream<Branch> led = branches.findAllWithCommittee(caller.actor().ledBranchIds()).stream();
        Stream<Branch> administered = caller.subtreePath()
                .map(path -> branches.findInSubtree(path).stream()).orElseGet(Stream::empty);
        return Stream.concat(administered, led).distinct()
                .map(b -> b.toInfo(members.countAttachedTo(b.getId()))).toList();
    }

    /** The ids of {@link #branchesInScope()}, without counting their members. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public Set<Long> branchIdsInScope() {
        Caller caller = caller();
        Stream<Branch> administered = caller.subtreePath()
                .map(path -> branches.findInSubtree(path).stream()).orElseGet(Stream::empty);
        Set<Long> ids = new HashSet<>(caller.actor().ledBranchIds());
        administered.forEach(b -> ids.add(b.getId()));
        return ids;
    }

    /** Branches of the given ids the caller may see, with names; used to label a member's "1+2" memberships. */
    @PreAuthorize("isAuthenticated()")
    public List<BranchInfo> branchesByIds(List<Long> ids) {
        Caller caller = caller();
        return branches.findAllWithCommittee(ids).stream()
                .filter(b -> caller.canSee(b) || caller.ownBranchIds().contains(b.getId()))
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
        // one statement for any size of branch (the entities would fetch each member's "1+2" branches and roles)
        return jdbc.query("select m.id, m.name, (select min(a.username) from user_account a where a.member_id = m.id)"
                + " as username from member m where m.primary_branch_id = ? or m.id in (select mm.member_id"
                + " from managing_membership mm where mm.branch_id = ?) order by m.name, m.id",
                (rs, n) -> new MemberAccount(rs.getLong("id"), rs.getString("name"), rs.getString("username")),
                branchId, branchId);
    }

    /** The branches the caller belongs to as a member: primary first, then managing ("1+2"). */
    @PreAuthorize("isAuthenticated()")
    public List<Long> myBranchIds() {
        return caller().ownBranchIds();
    }

    /** Whether the caller administers the whole province (the committee at the top of the tree). */
    @PreAuthorize("isAuthenticated()")
    public boolean administersProvince() {
        // the committee at the top has only itself in its path: "/1/"
        return caller().subtreePath().map(path -> path.indexOf('/', 1) == path.length() - 1).orElse(false);
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
        Caller caller = caller();
        if (Objects.equals(caller.actor().memberId(), memberId)) {
            return;
        }
        Member member = members.findById(memberId).orElseThrow(() -> new AccessDeniedException("no member " + memberId));
        List<Long> attached = new ArrayList<>(member.getManagingBranchIds());
        attached.add(member.getPrimaryBranch().getId());
        if (branches.findAllWithCommittee(attached).stream().noneMatch(caller::canSee)) {
            throw new AccessDeniedException(caller.actor().username() + " may not see member " + memberId);
        }
    }

    /** Throws {@link AccessDeniedException} unless the caller administers the committee (or one above it). */
    @PreAuthorize("hasRole('ADMIN')")
    public CommitteeInfo requireCommitteeInScope(long committeeId) {
        Committee committee = committees.findById(committeeId)
                .orElseThrow(() -> new AccessDeniedException("no committee " + committeeId));
        if (!caller().subtreePath().map(committee.getPath()::startsWith).orElse(false)) {
            throw new AccessDeniedException("committee " + committeeId + " is outside the caller's area");
        }
        return committee.toInfo();
    }

    /** The committees an admin manages: their own and everything below, parents before children. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<CommitteeInfo> committeesInScope() {
        return caller().subtreePath().map(committees::findByPathStartingWithOrderByPath).orElse(List.of())
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
        Caller caller = caller();
        Branch branch = branches.findById(branchId).orElseThrow(() -> new AccessDeniedException("no branch " + branchId));
        if (!caller.canSee(branch)) {
            throw new AccessDeniedException(caller.actor().username() + " may not see branch " + branchId);
        }
    }

    /**
     * Who is calling and where they belong: their account, their own branches (primary first, then managing), the
     * committees above those, and for an admin the path of the subtree they manage. Worked out once per request (a
     * page, a UI interaction, an API call) and kept on it; without a request (an event listener) every time.
     */
    private record Caller(Actor actor, List<Long> ownBranchIds, Set<Long> committeeLine,
                          Optional<String> subtreePath) {

        boolean canSee(Branch branch) {
            return actor.ledBranchIds().contains(branch.getId())
                    || subtreePath.map(branch.getCommittee().getPath()::startsWith).orElse(false);
        }
    }

    private static final String CALLER = Caller.class.getName();

    private Caller caller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new AccessDeniedException("not logged in");
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(CALLER, RequestAttributes.SCOPE_REQUEST) instanceof Caller known
                && known.actor().username().equals(auth.getName())) {
            return known;
        }
        Caller caller = load(auth.getName());
        if (request != null) {
            request.setAttribute(CALLER, caller, RequestAttributes.SCOPE_REQUEST);
        }
        return caller;
    }

    private Caller load(String username) {
        UserAccount account = accounts.findByUsername(username)
                .orElseThrow(() -> new AccessDeniedException("unknown user " + username));
        Actor actor = new Actor(account.getUsername(), account.getDisplayName(), Set.copyOf(account.getRoles()),
                account.getMemberId(), account.getCommitteeId(), Set.copyOf(account.getLedBranchIds()));
        List<Long> own = new ArrayList<>();
        if (actor.memberId() != null) {
            Member member = members.findById(actor.memberId()).orElseThrow();
            own.add(member.getPrimaryBranch().getId());
            own.addAll(member.getManagingBranchIds());
        }
        Set<Long> line = new HashSet<>();
        for (Branch branch : branches.findAllWithCommittee(own)) {
            for (String id : branch.getCommittee().getPath().split("/")) {
                if (!id.isEmpty()) {
                    line.add(Long.parseLong(id));
                }
            }
        }
        Optional<String> subtree = actor.has(Role.ADMIN) && actor.committeeId() != null
                ? committees.findById(actor.committeeId()).map(Committee::getPath) : Optional.empty();
        return new Caller(actor, List.copyOf(own), Set.copyOf(line), subtree);
    }
}
