package org.yundangke.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.TestTalks;
import org.yundangke.Logins;

/** Chinese full-text search over published lessons, within the member's audience. */
@SpringBootTest
@ActiveProfiles("test")
class LessonSearchTest {

    @Autowired
    LessonSearch search;

    @Autowired
    Catalogue catalogue;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManager entityManager;

    @Autowired
    TransactionTemplate transaction;

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    LessonInfo partyHistory;
    LessonInfo eighteenth;
    LessonInfo twentieth;
    LessonInfo draft;

    @BeforeEach
    void lessons() {
        logins.as("lecturer");
        partyHistory = published("党史学习教育专题讲座", "回顾百年党史，传承红色基因。", "红色故事");
        eighteenth = published("党的十八大回顾", "十八大以来的历史性成就。", "理论学习");
        twentieth = published("学习二十大精神", "结合身边变化讲二十大报告。", "理论学习");
        draft = catalogue.createDraft(new LessonDraft(talk(), "党史草稿", "周宣讲", "", "党史学习", Set.of()));
        logins.as("member");
    }

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void a_word_finds_the_lessons_that_contain_it() {
        assertThat(search.search("党史", 20)).extracting(LessonInfo::id).contains(partyHistory.id())
                .doesNotContain(draft.id(), eighteenth.id());
        assertThat(search.search("党史学习", 20)).extracting(LessonInfo::id).contains(partyHistory.id());
        assertThat(search.search("百年", 20)).extracting(LessonInfo::id).contains(partyHistory.id());
    }

    @Test
    void every_word_must_match_so_the_twentieth_congress_is_not_the_eighteenth() {
        assertThat(search.search("二十大", 20)).extracting(LessonInfo::id).contains(twentieth.id())
                .doesNotContain(eighteenth.id());
    }

    @Test
    void the_speaker_is_searchable_too() {
        assertThat(search.search("宣讲员" + tag, 20)).isEmpty();
        assertThat(search.search("周宣讲", 20)).extracting(LessonInfo::id).contains(twentieth.id());
    }

    @Test
    void a_lesson_changed_through_another_node_is_found_here_within_seconds() {
        // another node's change reaches this one only through the database: its index listener never saw it
        jdbc.update("update lesson set title = ?, changed_at = current_timestamp where id = ?", "井冈山精神代代传",
                twentieth.id());
        await().atMost(Duration.ofSeconds(10)).pollInSameThread().untilAsserted(() ->
                assertThat(search.search("井冈山", 20)).extracting(LessonInfo::id).contains(twentieth.id()));
    }

    @Test
    void a_node_starting_on_an_index_that_missed_a_change_catches_up_before_it_is_ready() {
        // changed a day ago while this node was down: the running follower, looking at the last minute, never sees it
        jdbc.update("update lesson set title = ?, changed_at = current_timestamp - interval '1' day where id = ?",
                "延安精神永放光芒", eighteenth.id());
        assertThat(search.search("延安", 20)).isEmpty();

        new LessonIndexFollower(jdbc, entityManager, transaction).catchUp(); // what a starting node does

        assertThat(search.search("延安", 20)).extracting(LessonInfo::id).containsExactly(eighteenth.id());
    }

    private LessonInfo published(String title, String summary, String category) {
        LessonInfo lesson = catalogue.createDraft(new LessonDraft(talk(), title, "周宣讲", summary, category, Set.of()));
        catalogue.publish(lesson.id());
        return lesson;
    }

    private UUID talk() {
        return TestTalks.ready(jdbc, "lecturer", "t", 600);
    }
}
