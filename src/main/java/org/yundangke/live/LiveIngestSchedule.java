package org.yundangke.live;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.yundangke.base.StudyCalendar;
import org.yundangke.media.LiveStreams;

/**
 * On the node that receives streams ({@code yundangke.live.ingest}): listens for each in-app session from a while
 * before its start until a while after its end, then finishes the stream, whose recording becomes the replay.
 */
@Component
class LiveIngestSchedule {

    private static final Logger log = LoggerFactory.getLogger(LiveIngestSchedule.class);

    private final JdbcTemplate jdbc;
    private final LiveStreams streams;
    private final StudyCalendar calendar;
    private final LiveProperties properties;
    private ScheduledExecutorService ticks;
    private volatile String lastProblem = "";

    private final LiveReplays replays;

    LiveIngestSchedule(JdbcTemplate jdbc, LiveStreams streams, StudyCalendar calendar, LiveProperties properties,
                       LiveReplays replays) {
        this.replays = replays;
        this.jdbc = jdbc;
        this.streams = streams;
        this.calendar = calendar;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (properties.ingest()) {
            ticks = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("live-schedule").factory());
            ticks.scheduleWithFixedDelay(this::tickSafely, 1, 5, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.shutdownNow();
        }
    }

    /** A failing tick is logged once, not every 5 seconds while the database stays away. */
    private void tickSafely() {
        try {
            tick();
            lastProblem = "";
        } catch (RuntimeException e) {
            if (!e.toString().equals(lastProblem)) {
                log.warn("Live schedule: {}", e.toString());
            }
            lastProblem = e.toString();
        }
    }

    /** Opens what should listen now, finishes what has ended (or was cancelled), publishes the replays ready. */
    synchronized void tick() {
        Instant now = calendar.now();
        jdbc.query("select id, title, created_by, media_id, ingest_port, stream_key from live_session"
                + " where mode = 'APP' and not cancelled and not stream_closed and starts_at <= ? and ends_at > ?",
                rs -> {
                    UUID session = rs.getObject("id", UUID.class);
                    UUID media = rs.getObject("media_id", UUID.class);
                    if (media == null) {
                        media = streams.open(rs.getString("created_by"), rs.getString("title"));
                        jdbc.update("update live_session set media_id = ? where id = ?", media, session);
                    }
                    streams.listen(media, rs.getInt("ingest_port"), rs.getString("stream_key"));
                    if (streams.receiving(media)) {
                        jdbc.update("update live_session set stream_seen_at = ? where id = ?", Timestamp.from(now),
                                session);
                    }
                }, Timestamp.from(now.plus(properties.openBefore())), Timestamp.from(now.minus(properties.closeAfter())));
        jdbc.query("select id, media_id from live_session where mode = 'APP' and not stream_closed"
                + " and (cancelled or ends_at <= ?)", rs -> {
                    UUID media = rs.getObject("media_id", UUID.class);
                    // closed once its recording is safe in the store; a failed try is made again at the next tick
                    if (media == null || streams.finish(media)) {
                        jdbc.update("update live_session set stream_closed = true where id = ?",
                                rs.getObject("id", UUID.class));
                    }
                }, Timestamp.from(now.minus(properties.closeAfter())));
        replays.makeDue();
    }
}
