package org.yundangke.branch;

import java.sql.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.yundangke.base.StudyCalendar;

/**
 * Stores every message in {@code outgoing_message} and logs it, instead of sending it: the test double at the one
 * outside boundary (an SMS or WeChat gateway), said so in the README. A gateway would be another implementation.
 */
@Component
class RecordingNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(RecordingNotifier.class);

    private final JdbcTemplate jdbc;
    private final StudyCalendar calendar;

    RecordingNotifier(JdbcTemplate jdbc, StudyCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    @Override
    public void send(Message message) {
        jdbc.update("insert into outgoing_message (member_id, channel, address, text, created_at) values"
                + " (?, 'SMS', ?, ?, ?)", message.memberId(), message.address(), message.text(),
                Timestamp.from(calendar.now()));
        log.info("SMS not sent (no gateway in this build) to member {} at {}: {}", message.memberId(),
                message.address(), message.text());
    }
}
