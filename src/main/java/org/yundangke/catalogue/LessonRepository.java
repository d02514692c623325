package org.yundangke.catalogue;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LessonRepository extends JpaRepository<Lesson, UUID> {

    /**
     * Lesson {@code l} is published and meant for everyone, for one of {@code :committees}' subtrees or for one of
     * {@code :branches}.
     */
    String PUBLISHED_FOR = """
            l.state = org.yundangke.catalogue.LessonState.PUBLISHED
              and (l.everyone = true or exists (select 1 from Lesson o join o.audienceCommittees c
                                                where o = l and c in :committees)
                   or exists (select 1 from Lesson ob join ob.audienceBranches b where ob = l and b in :branches))""";

    /** Published lessons meant for the caller's committees, in one category or all ({@code null}), newest first. */
    @Query(value = "select l from Lesson l where " + PUBLISHED_FOR
            + " and (:category is null or l.category = :category) order by l.publishedAt desc",
            countQuery = "select count(l) from Lesson l where " + PUBLISHED_FOR
                    + " and (:category is null or l.category = :category)")
    Page<Lesson> findPublishedFor(Collection<Long> committees, Collection<Long> branches, @Nullable String category,
                                  Pageable pageable);

    @Query("select l from Lesson l where " + PUBLISHED_FOR + " and l.publishedAt >= :since order by l.publishedAt desc")
    List<Lesson> findPublishedSince(Collection<Long> committees, Collection<Long> branches, Instant since,
                                    Pageable pageable);

    @Query("select distinct l.category from Lesson l where " + PUBLISHED_FOR + " order by l.category")
    List<String> findCategoriesFor(Collection<Long> committees, Collection<Long> branches);

    @Query("select distinct l.category from Lesson l order by l.category")
    List<String> findCategoriesInUse();

    /** A course's published lessons meant for members with this reach, in the course's order, audiences fetched. */
    @Query("select distinct l from Lesson l left join fetch l.audienceCommittees left join fetch l.audienceBranches"
            + " where l.courseId = :courseId and " + PUBLISHED_FOR + " order by l.coursePosition")
    List<Lesson> findPublishedInCourseFor(UUID courseId, Collection<Long> committees, Collection<Long> branches);

    /** The published lessons among {@code ids} or in {@code courseIds} meant for this reach, audiences fetched. */
    @Query("select distinct l from Lesson l left join fetch l.audienceCommittees left join fetch l.audienceBranches"
            + " where (l.id in :ids or l.courseId in :courseIds) and " + PUBLISHED_FOR + " order by l.coursePosition")
    List<Lesson> findPublishedAmongFor(Collection<UUID> ids, Collection<UUID> courseIds, Collection<Long> committees,
                                       Collection<Long> branches);

    @Query("select coalesce(max(l.coursePosition), 0) from Lesson l where l.courseId = :courseId")
    int lastPositionIn(UUID courseId);

    Page<Lesson> findByOwnerUsername(String owner, Pageable pageable);

    /** The owner's lessons and those aimed only inside these committees' subtrees and branches (see Reach.NONE). */
    @Query("""
            select l from Lesson l where l.ownerUsername = :owner or (l.everyone = false
              and not exists (select 1 from Lesson o join o.audienceCommittees c where o = l and c not in :committees)
              and not exists (select 1 from Lesson ob join ob.audienceBranches b where ob = l and b not in :branches))""")
    Page<Lesson> findManagedWithin(String owner, Collection<Long> committees, Collection<Long> branches,
                                   Pageable pageable);

    /** Whether a published lesson of the talk is meant for members with this reach. */
    @Query("select count(l) > 0 from Lesson l where l.mediaId = :mediaId and " + PUBLISHED_FOR)
    boolean existsPublishedOfTalkFor(UUID mediaId, Collection<Long> committees, Collection<Long> branches);
}
