package org.yundangke.live;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.yundangke.study.AssignableWork;

/**
 * Live talks as work a secretary can assign (study keeps the assignment): a member has done it when the session
 * counted them as attended, online or on the attendance list the branch handed in.
 */
@Component
class LiveAssignments implements AssignableWork {

    private static final int CHOICES = 50;

    private final LiveSessions sessions;
    private final NamedParameterJdbcTemplate named;

    LiveAssignments(LiveSessions sessions, JdbcTemplate jdbc) {
        this.sessions = sessions;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public List<Work> choices() {
        return sessions.upcomingForMe(CHOICES).stream().map(LiveAssignments::work).toList();
    }

    @Override
    public Optional<Work> find(UUID workId) {
        return sessions.openOrNone(workId).map(LiveAssignments::work);
    }

    @Override
    public Map<String, Progress> progress(UUID workId, Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return Map.of();
        }
        Map<String, Progress> attended = new HashMap<>();
        named.query("select l.username from live_attendance a join org_member_login l on l.member_id = a.member_id"
                + " where a.session_id = :session and l.username in (:users)",
                Map.of("session", workId, "users", usernames), rs -> {
                    attended.put(rs.getString(1), Progress.FINISHED);
                });
        return attended;
    }

    private static Work work(LiveSession session) {
        return new Work(session.id(), "live.kind.session", session.title(), "live/" + session.id());
    }
}
