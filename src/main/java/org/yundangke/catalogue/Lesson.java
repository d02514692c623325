package org.yundangke.catalogue;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.CurrentTimestamp;
import org.hibernate.annotations.SourceType;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.jspecify.annotations.Nullable;

/** One lesson: a talk to watch or listen to, with who it is for and whether it is out yet. */
@Entity
@Indexed
class Lesson {

    @Id
    private UUID id = UUID.randomUUID();
    @FullTextField(analyzer = ChineseAnalysis.SMARTCN)
    private String title;
    @FullTextField(analyzer = ChineseAnalysis.SMARTCN)
    private String speaker;
    @FullTextField(analyzer = ChineseAnalysis.SMARTCN)
    private String summary;
    @FullTextField(analyzer = ChineseAnalysis.SMARTCN)
    private String category;
    @FullTextField(analyzer = ChineseAnalysis.SMARTCN)
    private String tags;

    @Enumerated(EnumType.STRING)
    private LessonKind kind;

    private @Nullable UUID mediaId;
    private @Nullable Double durationSeconds;

    @Enumerated(EnumType.STRING)
    private LessonState state = LessonState.DRAFT;

    private boolean everyone = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "lesson_audience", joinColumns = @JoinColumn(name = "lesson_id"))
    @Column(name = "committee_id")
    private Set<Long> audienceCommittees = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "lesson_audience_branch", joinColumns = @JoinColumn(name = "lesson_id"))
    @Column(name = "branch_id")
    private Set<Long> audienceBranches = new HashSet<>();

    private @Nullable UUID courseId;
    private @Nullable Integer coursePosition;
    @Column(length = 100_000)
    private @Nullable String body;

    private String ownerUsername;
    private Instant createdAt = Instant.EPOCH; // set on creation; JPA sets the stored one
    private @Nullable Instant publishedAt;
    /** The database's time of the last insert or update: how other nodes find what to reindex. */
    @CurrentTimestamp(source = SourceType.DB)
    private @Nullable Instant changedAt;

    protected Lesson() {
        this.title = "";
        this.speaker = "";
        this.summary = "";
        this.category = "";
        this.tags = "";
        this.kind = LessonKind.VIDEO;
        this.ownerUsername = "";
    }

    Lesson(LessonDraft draft, LessonKind kind, double durationSeconds, String ownerUsername,
           @Nullable Integer coursePosition, Instant now) {
        this.createdAt = now;
        this.title = draft.title().strip();
        this.speaker = draft.speaker().strip();
        this.summary = draft.summary().strip();
        this.category = draft.category().strip();
        this.tags = draft.tags().strip();
        this.kind = kind;
        this.mediaId = draft.mediaId();
        this.body = draft.body();
        this.courseId = draft.courseId();
        this.coursePosition = coursePosition;
        this.durationSeconds = durationSeconds;
        this.ownerUsername = ownerUsername;
        this.everyone = draft.audienceCommittees().isEmpty() && draft.audienceBranches().isEmpty();
        this.audienceCommittees = new HashSet<>(draft.audienceCommittees());
        this.audienceBranches = new HashSet<>(draft.audienceBranches());
    }

    void publish(Instant now) {
        state = LessonState.PUBLISHED;
        publishedAt = now;
    }

    void archive() {
        state = LessonState.ARCHIVED;
    }

    /** Whether a member with this reach is in the audience (published or not: the caller checks state). */
    boolean reaches(Reach reach) {
        return reach.covers(everyone, audienceCommittees, audienceBranches);
    }

    /** Whether the lesson is aimed only at these committees' subtrees and branches (never at everyone). */
    boolean liesWithin(Set<Long> committees, Set<Long> branches) {
        return !everyone && committees.containsAll(audienceCommittees) && branches.containsAll(audienceBranches);
    }

    UUID getId() {
        return id;
    }

    LessonState getState() {
        return state;
    }

    String getOwnerUsername() {
        return ownerUsername;
    }

    @Nullable UUID getCourseId() {
        return courseId;
    }

    @Nullable UUID getMediaId() {
        return mediaId;
    }

    LessonInfo toInfo() {
        return new LessonInfo(id, title, speaker, summary, category, kind, mediaId, durationSeconds, state, everyone,
                Set.copyOf(audienceCommittees), Set.copyOf(audienceBranches), ownerUsername, publishedAt, tags, courseId, coursePosition, body);
    }
}
