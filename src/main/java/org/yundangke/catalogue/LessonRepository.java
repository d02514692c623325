package org.yundangke.catalogue;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LessonRepository extends JpaRepository<Lesson, UUID> {

    /** Published lessons for everyone or for one of the given committees' subtrees, newest first. */
    @Query(value = """
            select l from Lesson l where l.state = org.yundangke.catalogue.LessonState.PUBLISHED
              and (l.everyone = true or exists (select 1 from Lesson o join o.audienceCommittees c
                                                where o = l and c in :committees))
            order by l.publishedAt desc""",
            countQuery = """
            select count(l) from Lesson l where l.state = org.yundangke.catalogue.LessonState.PUBLISHED
              and (l.everyone = true or exists (select 1 from Lesson o join o.audienceCommittees c
                                                where o = l and c in :committees))""")
    Page<Lesson> findPublishedFor(java.util.Collection<Long> committees, Pageable pageable);

    Page<Lesson> findByOwnerUsername(String owner, Pageable pageable);

    List<Lesson> findByMediaIdAndState(UUID mediaId, LessonState state);
}
