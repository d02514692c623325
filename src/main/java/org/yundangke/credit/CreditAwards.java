package org.yundangke.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.yundangke.base.StudyCalendar;
import org.yundangke.live.LiveAttended;
import org.yundangke.live.LiveReplayPublished;
import org.yundangke.org.OrgDirectory;
import org.yundangke.quiz.DailyPracticeDone;
import org.yundangke.quiz.QuizPassed;
import org.yundangke.study.LessonCompleted;

/**
 * Turns what members did into ledger entries: a completed lesson earns 学时 by its length plus points for the lesson
 * and for the minutes watched; a passed quiz and an attended live meeting likewise; a day's 每日一练 its points.
 * Events arrive through Spring Modulith's publication registry, after the publishing transaction commits and off the
 * caller's thread (redelivered after a crash); the ledger's keys make a second delivery change nothing.
 */
@Component
class CreditAwards {

    static final String SYSTEM = "system";
    private static final Logger log = LoggerFactory.getLogger(CreditAwards.class);
    private static final List<String> LENGTH_TIERS = List.of(CreditRule.LESSON_HOURS_LONG,
            CreditRule.LESSON_HOURS_MEDIUM, CreditRule.LESSON_HOURS_SHORT);

    private final CreditLedger ledger;
    private final CreditRules rules;
    private final OrgDirectory directory;
    private final StudyCalendar calendar;
    private final JdbcTemplate jdbc;

    CreditAwards(CreditLedger ledger, CreditRules rules, OrgDirectory directory, StudyCalendar calendar,
                 JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.ledger = ledger;
        this.rules = rules;
        this.directory = directory;
    }

    @ApplicationModuleListener
    void on(LessonCompleted done) {
        credit(done);
    }

    @ApplicationModuleListener
    void on(QuizPassed passed) {
        credit(passed);
    }

    @ApplicationModuleListener
    void on(DailyPracticeDone done) {
        credit(done);
    }

    @ApplicationModuleListener
    void on(LiveAttended attended) {
        credit(attended);
    }

    /** Remembers which lesson replays which live session: a talk earns once. */
    @ApplicationModuleListener
    void on(LiveReplayPublished replay) {
        link(replay);
    }

    void link(LiveReplayPublished replay) {
        jdbc.update("insert into credit_replay (lesson_id, live_id) values (?, ?) on conflict do nothing",
                replay.lessonId(), replay.liveId());
    }

    void credit(LessonCompleted done) {
        memberOf(done.username()).ifPresent(member -> {
            Optional<UUID> live = jdbc.queryForList("select live_id from credit_replay where lesson_id = ?", UUID.class,
                    done.lessonId()).stream().findFirst();
            if (live.isPresent() && ledger.awarded(member, CreditSource.LIVE, live.get().toString())) {
                log.info("Member {} attended {} live: its replay earns nothing more", member, live.get());
                return;
            }
            LocalDate day = calendar.dayOf(done.completedAt());
            String source = done.lessonId() + "@" + day.getYear();
            double minutes = done.durationSeconds() / 60;
            award(member, lengthTier(minutes, day), CreditSource.LESSON, source, day, done.title(), BigDecimal.ONE);
            award(member, CreditRule.LESSON_POINTS, CreditSource.LESSON, source, day, done.title(), BigDecimal.ONE);
            Integer perPoint = rules.inForce(CreditRule.WATCH_POINTS, day).minutes();
            if (perPoint != null && perPoint > 0 && minutes >= perPoint) {
                award(member, CreditRule.WATCH_POINTS, CreditSource.LESSON, source, day, done.title(),
                        BigDecimal.valueOf((long) (minutes / perPoint)));
            }
        });
    }

    void credit(QuizPassed passed) {
        memberOf(passed.username()).ifPresent(member -> {
            LocalDate day = calendar.dayOf(passed.passedAt());
            String source = passed.quizId() + "@" + day.getYear();
            award(member, CreditRule.QUIZ_HOURS, CreditSource.QUIZ, source, day, passed.title(), BigDecimal.ONE);
            award(member, CreditRule.QUIZ_POINTS, CreditSource.QUIZ, source, day, passed.title(), BigDecimal.ONE);
        });
    }

    void credit(DailyPracticeDone done) {
        memberOf(done.username()).ifPresent(member -> award(member, CreditRule.DAILY_PRACTICE_POINTS,
                CreditSource.QUIZ, "daily@" + done.day(), done.day(), done.title(), BigDecimal.ONE));
    }

    void credit(LiveAttended attended) {
        Optional<UUID> replay = jdbc.queryForList("select lesson_id from credit_replay where live_id = ?", UUID.class,
                attended.liveId()).stream().findFirst();
        if (replay.isPresent() && ledger.awarded(attended.memberId(), CreditSource.LESSON, replay.get().toString())) {
            log.info("Member {} studied the replay of {}: attending it earns nothing more", attended.memberId(),
                    attended.liveId());
            return;
        }
        LocalDate day = calendar.dayOf(attended.attendedAt());
        String source = attended.liveId() + "@" + day.getYear();
        award(attended.memberId(), lengthTier(attended.minutes(), day), CreditSource.LIVE, source, day,
                attended.title(), BigDecimal.ONE);
        award(attended.memberId(), CreditRule.LIVE_POINTS, CreditSource.LIVE, source, day, attended.title(),
                BigDecimal.ONE);
    }

    /** The lesson-hours rule for a length: the one with the longest minimum the lesson still reaches. */
    String lengthTier(double minutes, LocalDate day) {
        return LENGTH_TIERS.stream().map(code -> rules.inForce(code, day))
                .filter(r -> r.minutes() == null || minutes >= r.minutes())
                .max(Comparator.comparing(r -> r.minutes() == null ? 0 : r.minutes()))
                .map(CreditRule::code).orElse(CreditRule.LESSON_HOURS_SHORT);
    }

    private void award(long member, String rule, CreditSource source, String sourceId, LocalDate day, String title,
                       BigDecimal units) {
        ledger.award(new CreditLedger.Award(member, rule, source, sourceId, day, title, SYSTEM, units));
    }

    private Optional<Long> memberOf(String username) {
        Optional<Long> member = directory.memberIdOf(username);
        if (member.isEmpty()) {
            log.info("No member record for {}: nothing to credit", username);
        }
        return member;
    }
}
