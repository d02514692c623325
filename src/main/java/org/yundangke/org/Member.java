package org.yundangke.org;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Column;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A retired cadre Party member with a "1+2" membership: one primary branch, up to two managing branches. */
@Entity
class Member {

    static final int MAX_MANAGING_BRANCHES = 2;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String name;
    private @Nullable String gender;
    private @Nullable Integer birthYear;
    private @Nullable LocalDate partyJoinDate;
    private @Nullable String phone;
    private @Nullable String formerUnit;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "primary_branch_id")
    private Branch primaryBranch;

    /** slot (1 or 2) → managing branch id */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "managing_membership", joinColumns = @JoinColumn(name = "member_id"))
    @MapKeyColumn(name = "slot")
    @Column(name = "branch_id")
    private Map<Integer, Long> managingBranchIds = new HashMap<>();

    protected Member() {
        this.name = "";
        this.primaryBranch = new Branch();
    }

    Member(String name, Branch primaryBranch) {
        this.name = name;
        this.primaryBranch = primaryBranch;
    }

    /** Adds a managing branch (多重管理); refuses a third one or the primary branch itself. */
    void addManagingBranch(Branch branch) {
        if (branch.getId().equals(primaryBranch.getId()) || managingBranchIds.containsValue(branch.getId())) {
            throw new IllegalArgumentException("member already belongs to branch " + branch.getId());
        }
        if (managingBranchIds.size() >= MAX_MANAGING_BRANCHES) {
            throw new IllegalStateException("a member has at most " + MAX_MANAGING_BRANCHES + " managing branches");
        }
        int slot = managingBranchIds.containsKey(1) ? 2 : 1;
        managingBranchIds.put(slot, branch.getId());
    }

    void describe(@Nullable String gender, @Nullable Integer birthYear, @Nullable LocalDate partyJoinDate,
                  @Nullable String phone, @Nullable String formerUnit) {
        this.gender = gender;
        this.birthYear = birthYear;
        this.partyJoinDate = partyJoinDate;
        this.phone = phone;
        this.formerUnit = formerUnit;
    }

    Long getId() {
        return Objects.requireNonNull(id, "member not saved yet");
    }

    String getName() {
        return name;
    }

    Branch getPrimaryBranch() {
        return primaryBranch;
    }

    List<Long> getManagingBranchIds() {
        return managingBranchIds.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
    }

    MemberInfo toInfo() {
        return new MemberInfo(getId(), name, gender, birthYear, partyJoinDate, formerUnit,
                primaryBranch.getId(), primaryBranch.getName(), getManagingBranchIds());
    }

    @Nullable String getPhone() {
        return phone;
    }
}
