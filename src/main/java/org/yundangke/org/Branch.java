package org.yundangke.org;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** 党支部: hangs under a county committee. */
@Entity
class Branch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String name;

    @Enumerated(EnumType.STRING)
    private BranchKind kind;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "committee_id")
    private Committee committee;

    private boolean modelBranch;

    protected Branch() {
        this.name = "";
        this.kind = BranchKind.COMMUNITY;
        this.committee = new Committee();
    }

    Branch(String name, BranchKind kind, Committee committee, boolean modelBranch) {
        this.name = name;
        this.kind = kind;
        this.committee = committee;
        this.modelBranch = modelBranch;
    }

    Long getId() {
        return Objects.requireNonNull(id, "branch not saved yet");
    }

    String getName() {
        return name;
    }

    BranchKind getKind() {
        return kind;
    }

    Committee getCommittee() {
        return committee;
    }

    BranchInfo toInfo(long memberCount) {
        return new BranchInfo(getId(), name, kind, committee.getName(), modelBranch, memberCount);
    }
}
