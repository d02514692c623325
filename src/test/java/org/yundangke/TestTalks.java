package org.yundangke;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A transcoded talk as the media module leaves it, written straight to its table, for tests of what is built on
 * talks (lessons, watching). The upload and transcode pipeline itself is tested in the media module.
 */
public final class TestTalks {

    private TestTalks() {
    }

    public static UUID ready(JdbcTemplate jdbc, String owner, String title, double seconds) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into media (id, owner_username, title, original_filename, size_bytes, state, kind,"
                + " duration_seconds, created_at, updated_at) values (?, ?, ?, 'talk.mp4', 1000, 'READY', 'VIDEO',"
                + " ?, ?, ?)", id, owner, title, seconds, now, now);
        return id;
    }
}
