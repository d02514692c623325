package org.yundangke.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.yundangke.Application;
import org.yundangke.study.LessonCompleted;

/**
 * A lesson completed just before the app dies is credited when it starts again: the whole app twice on one database,
 * the first run losing every after-commit delivery (as a crash right after the commit would), the second delivering
 * what the publication registry still holds ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
class CreditRestartTest {

    /** First run only: the executor of the after-commit listeners drops every task. */
    static class CrashAfterCommit {
        @Bean({"taskExecutor", "applicationTaskExecutor"})
        TaskExecutor lostTasks() {
            return task -> { };
        }
    }

    @Test
    void a_publication_left_incomplete_by_a_crash_is_delivered_after_restart() {
        String db = "jdbc:h2:mem:restart-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        LessonCompleted done = CreditListenersModuleTest.lesson(LocalDate.of(2053, 3, 5));

        try (ConfigurableApplicationContext first = start(db, Application.class, CrashAfterCommit.class)) {
            first.getBean(TransactionTemplate.class).executeWithoutResult(tx -> first.publishEvent(done));
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(publication(jdbc, done).get("completion_date")).isNull();
            assertThat(CreditListenersModuleTest.rules(jdbc, done, 2053)).isEmpty();
        }

        try (ConfigurableApplicationContext second = start(db, Application.class)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> publication(jdbc, done).get("completion_date") != null);
            assertThat(CreditListenersModuleTest.rules(jdbc, done, 2053))
                    .containsExactlyInAnyOrder("LESSON_HOURS_LONG", "LESSON_POINTS", "WATCH_POINTS");
        }
    }

    private static ConfigurableApplicationContext start(String db, Class<?>... sources) {
        // as command-line arguments: SpringApplicationBuilder.properties are defaults the test profile would override
        return new SpringApplicationBuilder(sources).profiles("test")
                .run("--spring.datasource.url=" + db, "--server.port=0");
    }

    private static Map<String, Object> publication(JdbcTemplate jdbc, LessonCompleted done) {
        // the credit module's delivery (the quiz module listens to LessonCompleted too)
        return jdbc.queryForMap("select * from event_publication where serialized_event like ?"
                + " and listener_id like '%CreditAwards%'", "%" + done.lessonId() + "%");
    }
}
