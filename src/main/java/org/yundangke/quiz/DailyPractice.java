package org.yundangke.quiz;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.UserError;
import org.yundangke.study.LessonCompleted;

/**
 * 每日一练 and the 错题本. A day's set is drawn once per member and day and kept, so every device shows the same set
 * all day and tomorrow brings a new one: first questions the member got wrong before, then questions of lessons they
 * completed and of those questions' categories, then any from the bank; never yesterday's set again while others are
 * left, and never a question of a published test with fixed questions or of the member's test still being answered
 * (practice shows its answers at once). The 错题本 practises the questions a member got wrong until they are answered right.
 */
@Service
@Transactional
public class DailyPractice {

    public static final int DAILY_QUESTIONS = 5;
    static final int FROM_WRONG_BOOK = 2;
    static final int WRONG_BOOK_ROUND = 10;

    private final JdbcTemplate jdbc;
    private final Attempts attempts;
    private final StudyCalendar calendar;

    DailyPractice(JdbcTemplate jdbc, Attempts attempts, StudyCalendar calendar) {
        this.jdbc = jdbc;
        this.attempts = attempts;
        this.calendar = calendar;
    }

    /** Today's set of the caller, drawn on the first call of the day. */
    @PreAuthorize("isAuthenticated()")
    public UUID today() {
        String user = CurrentUser.name();
        LocalDate day = calendar.today();
        Optional<UUID> drawn = todays(user, day);
        if (drawn.isPresent()) {
            return drawn.get();
        }
        List<UUID> questions = draw(user, day);
        if (questions.isEmpty()) {
            throw new UserError("quiz.no-questions");
        }
        // another device drawing at this very moment made the day's set first: that one serves both
        return attempts.create(null, QuizKind.DAILY, day, questions, null, 1)
                .orElseGet(() -> todays(user, day).orElseThrow());
    }

    /** Today's set if drawn already, with whether it was handed in. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<Today> todayIfDrawn() {
        return jdbc.query("select id, submitted_at from quiz_attempt where username = ? and practice_day = ?",
                (rs, n) -> new Today(rs.getObject("id", UUID.class), rs.getObject("submitted_at") != null),
                CurrentUser.name(), calendar.today()).stream().findFirst();
    }

    /** The day's set and whether it is handed in. */
    public record Today(UUID attemptId, boolean done) {
    }

    /** How many questions wait in the caller's 错题本. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public int wrongCount() {
        Integer n = jdbc.queryForObject("select count(*) from wrong_question w join question q on q.id = w.question_id"
                + " where w.username = ? and not q.retired", Integer.class, CurrentUser.name());
        return n == null ? 0 : n;
    }

    /** A practice of the caller's wrong questions, the oldest first; an unfinished one is resumed. */
    @PreAuthorize("isAuthenticated()")
    public UUID practiseWrong() {
        String user = CurrentUser.name();
        Optional<UUID> open = jdbc.queryForList("select id from quiz_attempt where username = ? and kind = ?"
                + " and submitted_at is null", UUID.class, user, QuizKind.WRONG_BOOK.name()).stream().findFirst();
        if (open.isPresent()) {
            return open.get();
        }
        List<UUID> wrong = jdbc.queryForList("select w.question_id from wrong_question w join question q"
                + " on q.id = w.question_id where w.username = ? and not q.retired order by w.wrong_at, w.question_id"
                + " limit ?", UUID.class, user, WRONG_BOOK_ROUND);
        if (wrong.isEmpty()) {
            throw new UserError("quiz.wrong-book.empty");
        }
        return attempts.create(null, QuizKind.WRONG_BOOK, null, wrong, null, 1).orElseThrow();
    }

    @ApplicationModuleListener
    void on(LessonCompleted completed) {
        jdbc.update("insert into quiz_studied_lesson (username, lesson_id, completed_at) values (?, ?, ?)"
                + " on conflict do nothing", completed.username(), completed.lessonId(),
                Timestamp.from(completed.completedAt()));
    }

    private Optional<UUID> todays(String user, LocalDate day) {
        return jdbc.queryForList("select id from quiz_attempt where username = ? and practice_day = ?", UUID.class,
                user, day).stream().findFirst();
    }

    private List<UUID> draw(String user, LocalDate day) {
        List<UUID> yesterday = lastSet(user, day);
        Set<UUID> kept = attempts.keptForTests(user);
        LinkedHashSet<UUID> chosen = new LinkedHashSet<>();
        take(chosen, jdbc.queryForList("select w.question_id from wrong_question w join question q on q.id ="
                + " w.question_id where w.username = ? and not q.retired", UUID.class, user), FROM_WRONG_BOOK,
                yesterday, kept);
        take(chosen, jdbc.queryForList("select q.id from question q where not q.retired and (q.lesson_id in"
                + " (select lesson_id from quiz_studied_lesson where username = ?) or q.category_id in"
                + " (select r.category_id from question r join quiz_studied_lesson s on s.lesson_id = r.lesson_id"
                + " where s.username = ?))", UUID.class, user, user), DAILY_QUESTIONS, yesterday, kept);
        take(chosen, jdbc.queryForList("select id from question where not retired", UUID.class), DAILY_QUESTIONS,
                yesterday, kept);
        take(chosen, yesterday, DAILY_QUESTIONS, List.of(), kept); // a bank smaller than two days' sets
        return List.copyOf(chosen);
    }

    /** Adds up to {@code upTo} questions in all, at random from the pool, yesterday's last. */
    private static void take(LinkedHashSet<UUID> chosen, List<UUID> pool, int upTo, List<UUID> avoid,
                             Set<UUID> kept) {
        List<UUID> fresh = new ArrayList<>(pool);
        fresh.removeAll(chosen);
        fresh.removeAll(avoid);
        fresh.removeAll(kept);
        Collections.shuffle(fresh, ThreadLocalRandom.current());
        for (UUID question : fresh) {
            if (chosen.size() >= upTo) {
                return;
            }
            chosen.add(question);
        }
    }

    private List<UUID> lastSet(String user, LocalDate day) {
        @Nullable UUID last = jdbc.queryForList("select id from quiz_attempt where username = ? and practice_day < ?"
                + " order by practice_day desc limit 1", UUID.class, user, day).stream().findFirst().orElse(null);
        return last == null ? List.of() : jdbc.queryForList("select question_id from attempt_question"
                + " where attempt_id = ?", UUID.class, last);
    }
}
