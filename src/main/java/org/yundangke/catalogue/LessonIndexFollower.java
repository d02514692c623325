package org.yundangke.catalogue;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps this node's search index in step with lessons changed through any node. Every node has its own Lucene index
 * (the catalogue is thousands of lessons, which every node can hold); each insert or update of a lesson is stamped
 * with the database's clock, and every two seconds each node reindexes the lessons stamped since it last looked, with
 * a minute's overlap for a transaction that commits after its stamp. The first look, when the node is started and
 * before it says it is ready, reads every lesson: a node that was down, or whose index folder was removed or restored
 * from an older backup, catches up before it serves a search.
 */
@Component
class LessonIndexFollower {

    private static final Logger log = LoggerFactory.getLogger(LessonIndexFollower.class);
    /** How late a change may commit after its stamp and still be seen. */
    static final Duration OVERLAP = Duration.ofMinutes(1);
    private static final int CHUNK = 200;

    private record Change(UUID lessonId, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;
    private final TransactionTemplate transaction;
    /** Lessons reindexed within the overlap, with the stamp they had: not reindexed again for the same change. */
    private final Map<UUID, Instant> reindexed = new HashMap<>();
    private @Nullable Instant lookedAt;
    private boolean failing;

    LessonIndexFollower(JdbcTemplate jdbc, EntityManager entityManager, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.transaction = transaction;
    }

    /** At start, before the node is ready: every lesson, so the index agrees with the database from the first search. */
    @EventListener(ApplicationReadyEvent.class)
    void catchUp() {
        followQuietly();
    }

    @Scheduled(initialDelayString = "${yundangke.catalogue.index-follow-ms:2000}",
            fixedDelayString = "${yundangke.catalogue.index-follow-ms:2000}")
    synchronized void followQuietly() {
        try {
            follow();
            failing = false;
        } catch (DataAccessException e) {
            // the database is away (the readiness check says so too): said once, tried again every two seconds
            if (!failing) {
                log.warn("Cannot follow lesson changes for the search index: {}", e.getMessage());
            }
            failing = true;
        }
    }

    private void follow() {
        Instant now = jdbc.queryForObject("select current_timestamp", (rs, n) ->
                rs.getObject(1, OffsetDateTime.class).toInstant());
        Instant since = lookedAt == null ? Instant.EPOCH : lookedAt.minus(OVERLAP);
        List<Change> changes = jdbc.query("select id, changed_at from lesson where changed_at >= ?",
                (rs, n) -> new Change(rs.getObject("id", UUID.class),
                        rs.getObject("changed_at", OffsetDateTime.class).toInstant()), Timestamp.from(since));
        List<Change> fresh = changes.stream().filter(c -> !c.at().equals(reindexed.get(c.lessonId()))).toList();
        for (int from = 0; from < fresh.size(); from += CHUNK) {
            reindex(fresh.subList(from, Math.min(fresh.size(), from + CHUNK)));
        }
        if (lookedAt != null && !fresh.isEmpty()) {
            log.debug("Reindexed {} lesson(s) changed since {}", fresh.size(), since);
        }
        Instant keepFrom = now.minus(OVERLAP);
        fresh.stream().filter(c -> !c.at().isBefore(keepFrom)).forEach(c -> reindexed.put(c.lessonId(), c.at()));
        reindexed.values().removeIf(at -> at.isBefore(keepFrom));
        lookedAt = now;
    }

    private void reindex(List<Change> changes) {
        transaction.executeWithoutResult(tx -> {
            SearchSession search = Search.session(entityManager);
            entityManager.createQuery("select l from Lesson l where l.id in :ids", Lesson.class)
                    .setParameter("ids", changes.stream().map(Change::lessonId).toList()).getResultList()
                    .forEach(lesson -> search.indexingPlan().addOrUpdate(lesson));
        });
    }
}
