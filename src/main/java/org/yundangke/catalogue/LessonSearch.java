package org.yundangke.catalogue;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.mapper.orm.Search;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.org.OrgDirectory;

/**
 * Finds published lessons meant for the caller by words in their title, speaker, summary or category, Chinese split
 * into words by smartcn: 党史 finds 党史学习教育. All words must match (so 二十大 does not find 十八大); an exact phrase
 * ranks first.
 */
@Service
public class LessonSearch {

    static final int CANDIDATES = 200;
    private static final String[] FIELDS = {"title", "speaker", "summary", "category"};

    private final EntityManager entityManager;
    private final OrgDirectory directory;

    LessonSearch(EntityManager entityManager, OrgDirectory directory) {
        this.entityManager = entityManager;
        this.directory = directory;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("isAuthenticated()")
    public List<LessonInfo> search(String words, int max) {
        if (words.isBlank()) {
            return List.of();
        }
        List<Lesson> hits = Search.session(entityManager).search(Lesson.class)
                .where(f -> f.bool()
                        .must(f.simpleQueryString().fields(FIELDS).matching(words).defaultOperator(BooleanOperator.AND))
                        .should(f.phrase().fields(FIELDS).matching(words).boost(3)))
                .fetchHits(CANDIDATES);
        Reach reach = Reach.ofCaller(directory);
        return hits.stream().filter(l -> l.getState() == LessonState.PUBLISHED && l.reaches(reach)).limit(max)
                .map(Lesson::toInfo).toList();
    }
}
