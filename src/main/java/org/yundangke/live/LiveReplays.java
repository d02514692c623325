package org.yundangke.live;

import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yundangke.base.Translations;
import org.yundangke.base.UserError;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonDraft;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.media.LiveStreams;
import org.yundangke.media.MediaState;

/**
 * An in-app session's recording, once transcoded, becomes a published lesson linked to the session (replays are on
 * by default: PeerTube's users lost two-hour talks when they were not). It is made as the session's author would
 * make it, for the session's audience, in the category 直播回放. A meeting-link session's organiser attaches the
 * recording they uploaded.
 */
@Component
public class LiveReplays {

    private static final Logger log = LoggerFactory.getLogger(LiveReplays.class);

    private final JdbcTemplate jdbc;
    private final LiveSessions sessions;
    private final LiveStreams streams;
    private final Catalogue catalogue;
    private final UserDetailsService users;
    private final Translations translations;
    private final SecurityContextHolderStrategy security;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    LiveReplays(JdbcTemplate jdbc, LiveSessions sessions, LiveStreams streams, Catalogue catalogue,
                UserDetailsService users, Translations translations,
                ObjectProvider<SecurityContextHolderStrategy> security, ApplicationEventPublisher events,
                TransactionTemplate transactions) {
        this.events = events;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.streams = streams;
        this.catalogue = catalogue;
        this.users = users;
        this.translations = translations;
        this.security = security.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /** Makes the replay of every finished stream whose talk is ready. */
    void makeDue() {
        for (UUID id : jdbc.queryForList("select id from live_session where mode = 'APP' and stream_closed"
                + " and not cancelled and media_id is not null and replay_lesson_id is null", UUID.class)) {
            LiveSession session = sessions.find(id).orElseThrow();
            if (streams.state(session.mediaId()).filter(s -> s == MediaState.READY).isPresent()) {
                try {
                    make(session);
                } catch (RuntimeException e) { // one that cannot be made (its author gone) holds up no other
                    log.warn("Replay of live session {} not made: {}", id, e.toString());
                }
            }
        }
    }

    /**
     * A meeting-link session's recording, uploaded by its organiser as a talk (讲座视频), published as its replay.
     * Once per session.
     */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    @Transactional
    public UUID attach(UUID sessionId, UUID talkId) {
        LiveSession session = sessions.authored(sessionId);
        if (session.cancelled() || session.replayLessonId() != null || session.mode() != LiveMode.LINK) {
            throw new UserError("live.replay.not-now");
        }
        return publish(session, talkId);
    }

    private void make(LiveSession session) {
        UserDetails author = users.loadUserByUsername(session.createdBy());
        security.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(author, null,
                author.getAuthorities()));
        try { // in a transaction of its own: LiveReplayPublished goes out when it commits
            transactions.executeWithoutResult(tx -> publish(session, session.mediaId()));
        } finally {
            security.clearContext();
        }
    }

    /** The lesson of the recording, for the session's audience, linked to the session. */
    private UUID publish(LiveSession session, UUID talkId) {
        LessonInfo lesson = catalogue.createDraft(new LessonDraft(talkId, session.title(), session.speaker(),
                session.summary(), translations.getTranslation("live.replay.category", Translations.CHINESE),
                session.everyone() ? Set.of() : session.audience()));
        catalogue.publish(lesson.id());
        jdbc.update("update live_session set replay_lesson_id = ? where id = ?", lesson.id(), session.id());
        events.publishEvent(new LiveReplayPublished(session.id(), lesson.id()));
        log.info("Replay of live session {} published as lesson {}", session.id(), lesson.id());
        return lesson.id();
    }
}
