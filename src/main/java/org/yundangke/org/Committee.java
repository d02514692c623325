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
import org.jspecify.annotations.Nullable;

/** 离退休干部工委: a node of the province → city → county tree. */
@Entity
class Committee {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private String name;

    @Enumerated(EnumType.STRING)
    private CommitteeLevel level;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private @Nullable Committee parent;

    /** Ancestor ids and its own, e.g. {@code /1/2/5/}, so a subtree is one prefix query. */
    private String path = "/";

    protected Committee() {
        this.name = "";
        this.level = CommitteeLevel.PROVINCE;
    }

    Committee(String name, CommitteeLevel level, @Nullable Committee parent) {
        this.name = name;
        this.level = level;
        this.parent = parent;
    }

    /** Called once the id is known (after the first save). */
    void assignPath() {
        this.path = (parent == null ? "/" : parent.getPath()) + id + "/";
    }

    @Nullable Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    CommitteeLevel getLevel() {
        return level;
    }

    @Nullable Committee getParent() {
        return parent;
    }

    String getPath() {
        return path;
    }

    CommitteeInfo toInfo() {
        return new CommitteeInfo(java.util.Objects.requireNonNull(id), name, level,
                parent == null ? null : parent.getId());
    }
}
