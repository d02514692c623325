package org.yundangke.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yundangke.Logins;
import org.yundangke.MovingClock;
import org.yundangke.TransactionalProxy;
import org.yundangke.base.StudyCalendar;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonDraft;
import org.yundangke.catalogue.LessonInfo;

/**
 * An article is studied like a talk on a timeline as long as its reading time: the reader reports the seconds the
 * article was on screen or read aloud. Reading time completes it, so does reading aloud to the end; claiming the
 * whole article straight after opening it does not.
 */
@SpringBootTest
@ActiveProfiles("test")
@RecordApplicationEvents
class ArticleStudyTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Catalogue catalogue;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    Logins logins;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationEvents events;

    final MovingClock clock = new MovingClock(Instant.parse("2026-06-01T02:00:00Z"));
    StudyProgress progress;
    LessonInfo article;

    @BeforeEach
    void aPublishedArticleOfTwoMinutesReading() {
        progress = TransactionalProxy.of(new StudyProgress(jdbc, catalogue, publisher,
                new TransactionTemplate(transactions), new StudyProperties(0.9, false),
                new StudyCalendar(clock), new SimpleMeterRegistry()), transactions);
        logins.as("lecturer");
        article = catalogue.createDraft(new LessonDraft(null, "读报", "周宣讲", "", "理论学习", Set.of(), Set.of(), "", null,
                "读".repeat(600))); // 600 characters at 300 a minute
        catalogue.publish(article.id());
        logins.as("member");
    }

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void reading_for_the_reading_time_completes_the_article_once() {
        assertThat(article.durationSeconds()).isEqualTo(120);
        progress.begin(article.id());
        for (int s = 0; s < 108; s += 12) { // the reader's reports while the page is on screen
            clock.advance(Duration.ofSeconds(12));
            progress.report(article.id(), List.of(new double[]{s, s + 12}), s + 12);
        }
        assertThat(progress.standing(article.id()).completed()).as("108 s of 120 is 90 %").isTrue();
        assertThat(events.stream(LessonCompleted.class).filter(e -> e.lessonId().equals(article.id())))
                .singleElement().satisfies(e -> assertThat(e.durationSeconds()).isEqualTo(120));
    }

    @Test
    void reading_aloud_to_the_end_completes_it_when_the_voice_was_ahead_of_the_clock() {
        progress.begin(article.id());
        clock.advance(Duration.ofSeconds(50));
        progress.report(article.id(), List.of(new double[]{0, 50}), 50);
        clock.advance(Duration.ofSeconds(40)); // the voice read the rest faster than the reading pace
        StudyProgress.Standing done = progress.report(article.id(), List.of(new double[]{50, 120}), 120);
        assertThat(done.completed()).isTrue();
    }

    @Test
    void claiming_the_whole_article_straight_after_opening_it_earns_only_what_the_clock_allows() {
        progress.begin(article.id());
        clock.advance(Duration.ofSeconds(10));
        StudyProgress.Standing standing = progress.report(article.id(), List.of(new double[]{0, 120}), 120);
        assertThat(standing.completed()).isFalse();
        assertThat(standing.uniqueSeconds()).as("2 × 10 s open + 2 s slack").isEqualTo(22);
    }
}
