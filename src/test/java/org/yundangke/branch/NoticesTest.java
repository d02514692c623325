package org.yundangke.branch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.yundangke.Logins;
import org.yundangke.TestTalks;
import org.yundangke.catalogue.Catalogue;
import org.yundangke.catalogue.LessonDraft;
import org.yundangke.catalogue.LessonInfo;
import org.yundangke.org.OrgDirectory;
import org.yundangke.study.Assignments;

/**
 * Reminders without spam: one digest a member a day however often the job runs and however many assignments there
 * are; a reminder on the day an assignment is new, three days before it is due and the day after; a nudge once a day
 * per member; texts through the Notifier to members' mobiles, members without a login included.
 */
@SpringBootTest
@ActiveProfiles("test")
class NoticesTest {

    @Autowired
    Notices notices;

    @Autowired
    Assignments assignments;

    @Autowired
    Catalogue catalogue;

    @Autowired
    OrgDirectory directory;

    @Autowired
    Logins logins;

    @Autowired
    JdbcTemplate jdbc;

    long meiyuan;
    long member;
    LessonInfo first;
    LessonInfo second;
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void twoLessons() {
        logins.as("lecturer");
        first = publish("提醒用的第一课");
        second = publish("提醒用的第二课");
        logins.as("member");
        member = directory.currentActor().memberId();
        logins.as("secretary");
        meiyuan = directory.currentActor().ledBranchIds().iterator().next();
        clear();
    }

    @AfterEach
    void clear() {
        jdbc.update("delete from study_assignment where branch_id = ?", meiyuan);
        jdbc.update("delete from branch_notice");
        jdbc.update("delete from outgoing_message");
    }

    @AfterEach
    void logout() {
        logins.logout();
    }

    @Test
    void the_digest_goes_out_at_most_once_a_day_a_member_whatever_the_runs_and_assignments() {
        assignments.assign(meiyuan, null, first.id(), today.plusDays(10));
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        int sent = notices.sendDigests(today, yesterday);
        assertThat(sent).as("every online member of the branch").isPositive();
        assertThat(digests(member)).containsExactly("1|0|0");

        assignments.assign(meiyuan, null, second.id());
        assertThat(notices.sendDigests(today, yesterday)).as("a second run the same day").isZero();
        assertThat(digests(member)).hasSize(1);
        int texts = count("select count(*) from outgoing_message");
        assertThat(texts).as("one text per digest, to each member's mobile").isEqualTo(sent);

        logins.as("member");
        assertThat(notices.unread()).isOne();
        assertThat(notices.text(notices.mine().getFirst(), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("支部学习提醒：新布置了 1 项学习。打开云党课首页就能看到。");
        notices.readAll();
        assertThat(notices.unread()).isZero();
    }

    @Test
    void an_assignment_reminds_when_new_three_days_before_its_date_and_the_day_after_and_not_in_between() {
        logins.as("secretary");
        assignments.assign(meiyuan, null, first.id(), today.plusDays(3));
        assignments.assign(meiyuan, null, second.id(), today.plusDays(4));
        jdbc.update("update study_assignment set due_on = ? where branch_id = ? and lesson_id = ?", today.minusDays(1),
                meiyuan, second.id());
        Instant later = Instant.now().plus(Duration.ofMinutes(1)); // neither is new any more

        notices.sendDigests(today, later);
        assertThat(digests(member)).containsExactly("0|1|1");
        assertThat(notices.sendDigests(today.plusDays(1), later)).as("nothing due tomorrow").isZero();

        jdbc.update("insert into lesson_completion (username, lesson_id, study_year, completed_at) values"
                + " ('member', ?, ?, current_timestamp)", first.id(), today.getYear());
        jdbc.update("delete from branch_notice");
        notices.sendDigests(today, later);
        assertThat(digests(member)).as("what the member finished is not mentioned").containsExactly("0|0|1");
    }

    @Test
    void a_nudge_reaches_each_unfinished_member_once_a_day() {
        UUID assignment = assignments.assign(meiyuan, null, first.id()).id();
        jdbc.update("insert into lesson_completion (username, lesson_id, study_year, completed_at) values"
                + " ('member', ?, ?, current_timestamp)", first.id(), today.getYear());
        int asked = directory.memberAccountsOf(meiyuan).size();

        Notices.Nudged nudged = notices.nudge(meiyuan, assignment);
        assertThat(nudged.reminded()).as("all but the one who finished").isEqualTo(asked - 1);
        assertThat(nudged.texted()).as("every demo member has a mobile, with a login or without")
                .isEqualTo(asked - 1);
        assertThat(count("select count(*) from branch_notice where kind = 'NUDGE' and member_id = " + member))
                .isZero();

        Notices.Nudged again = notices.nudge(meiyuan, assignment);
        assertThat(again.reminded()).isZero();
        assertThat(again.alreadyToday()).isEqualTo(asked - 1);
        assertThat(count("select count(*) from outgoing_message")).isEqualTo(asked - 1);

        logins.as("secretary");
        assertThat(notices.mine()).filteredOn(n -> n.kind() == Notices.Kind.NUDGE).singleElement()
                .satisfies(n -> assertThat(notices.text(n, Locale.SIMPLIFIED_CHINESE)).contains("提醒您", first.title()));
    }

    private List<String> digests(long memberId) {
        return jdbc.queryForList("select args from branch_notice where kind = 'DIGEST' and member_id = ?", String.class,
                memberId);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private LessonInfo publish(String title) {
        UUID talk = TestTalks.ready(jdbc, "lecturer", title, 600);
        LessonInfo lesson = catalogue.createDraft(new LessonDraft(talk, title + " " + talk, "周宣讲", "", "党史学习",
                Set.of()));
        catalogue.publish(lesson.id());
        return lesson;
    }
}
