package org.yundangke.org;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A login. Holds the roles, the member it belongs to, the branches it leads and the committee it administers. */
@Entity
@Table(name = "user_account")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String username;
    private String passwordHash;
    private String displayName;
    private boolean enabled = true;
    private boolean mustChangePassword;

    @Column(name = "member_id")
    private @Nullable Long memberId;

    @Column(name = "committee_id")
    private @Nullable Long committeeId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "branch_secretary", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "branch_id")
    private Set<Long> ledBranchIds = new HashSet<>();

    protected UserAccount() {
        this.username = "";
        this.passwordHash = "";
        this.displayName = "";
    }

    UserAccount(String username, String passwordHash, String displayName) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
    }

    UserAccount grant(Role role) {
        roles.add(role);
        return this;
    }

    UserAccount asMember(long memberId) {
        this.memberId = memberId;
        return grant(Role.MEMBER);
    }

    UserAccount leading(long branchId) {
        ledBranchIds.add(branchId);
        return grant(Role.SECRETARY);
    }

    UserAccount administering(long committeeId) {
        this.committeeId = committeeId;
        return grant(Role.ADMIN);
    }

    /** A password someone else set (a one-time password): it works once, then its owner must choose their own. */
    void passwordSetByOthers(String hash) {
        this.passwordHash = hash;
        this.mustChangePassword = true;
    }

    void passwordChosen(String hash) {
        this.passwordHash = hash;
        this.mustChangePassword = false;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    String getDisplayName() {
        return displayName;
    }

    boolean isEnabled() {
        return enabled;
    }

    Set<Role> getRoles() {
        return Set.copyOf(roles);
    }

    @Nullable Long getMemberId() {
        return memberId;
    }

    @Nullable Long getCommitteeId() {
        return committeeId;
    }

    Set<Long> getLedBranchIds() {
        return Set.copyOf(ledBranchIds);
    }
}
