package org.yundangke.live;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.yundangke.media.PlaybackPermission;

/** An in-app session's stream may be watched by the session's audience while the stream is live. */
@Component
class LivePlaybackPermission implements PlaybackPermission {

    private final JdbcTemplate jdbc;
    private final LiveSessions sessions;

    LivePlaybackPermission(JdbcTemplate jdbc, LiveSessions sessions) {
        this.jdbc = jdbc;
        this.sessions = sessions;
    }

    @Override
    public boolean mayPlay(UUID mediaId) {
        return jdbc.queryForList("select id from live_session where media_id = ? and not cancelled", UUID.class,
                mediaId).stream().flatMap(id -> sessions.find(id).stream()).anyMatch(sessions::meantForCaller);
    }
}
