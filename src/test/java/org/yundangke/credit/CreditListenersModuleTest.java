package org.yundangke.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.study.LessonCompleted;

/**
 * The credit module on its own (with org and base, which it calls): an event published and committed reaches its
 * listener through Modulith's publication registry, after the commit and off the publishing thread, and becomes
 * ledger entries; the publication is marked complete. No test hook: the real delivery.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class CreditListenersModuleTest {

    private final JdbcTemplate jdbc;

    CreditListenersModuleTest(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void a_completed_lesson_committed_elsewhere_becomes_ledger_entries(Scenario scenario) {
        LessonCompleted done = lesson(LocalDate.of(2050, 3, 5));
        scenario.publish(done)
                .andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(() -> completed(done), delivered -> delivered)
                .andVerify(delivered -> assertThat(rules(jdbc, done, 2050))
                        .containsExactlyInAnyOrder("LESSON_HOURS_LONG", "LESSON_POINTS", "WATCH_POINTS"));
    }

    @Test
    void the_same_event_delivered_twice_is_credited_once(Scenario scenario) {
        LessonCompleted done = lesson(LocalDate.of(2051, 3, 5));
        scenario.publish(done).andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(() -> completed(done), delivered -> delivered);
        scenario.publish(done).andWaitAtMost(Duration.ofSeconds(20))
                .andWaitForStateChange(() -> jdbc.queryForObject("select count(*) from event_publication"
                        + " where serialized_event like ? and completion_date is not null", Integer.class,
                        "%" + done.lessonId() + "%"), count -> count == 2)
                .andVerify(count -> assertThat(rules(jdbc, done, 2051)).hasSize(3));
    }

    private boolean completed(LessonCompleted done) {
        return !jdbc.queryForList("select completion_date from event_publication where serialized_event like ?"
                + " and completion_date is not null", Object.class, "%" + done.lessonId() + "%").isEmpty();
    }

    /** A 45-minute lesson completed by the demo member at 10 am Beijing time on that day. */
    static LessonCompleted lesson(LocalDate day) {
        return new LessonCompleted("member", UUID.randomUUID(), "红船精神", 45 * 60,
                day.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }

    static List<String> rules(JdbcTemplate jdbc, LessonCompleted done, int year) {
        return jdbc.queryForList("select rule_code from credit_entry where source_id = ?", String.class,
                done.lessonId() + "@" + year);
    }
}
