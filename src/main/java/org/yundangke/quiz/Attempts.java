package org.yundangke.quiz;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.Translations;
import org.yundangke.base.UserError;
import org.yundangke.quiz.QuestionBank.VersionKey;

/**
 * Taking a quiz: an attempt draws its questions and shuffles their options once, saves each answer on the server as
 * it is given (so it resumes on another device), grades on submission only here, and keeps every key on the server
 * until the kind of quiz allows it to be shown. Submitting twice changes nothing; a passed test publishes
 * {@link QuizPassed} once per member and year.
 */
@Service
@Transactional
public class Attempts {

    /** A timed paper can be extended this many times, each by its whole limit (WCAG 2.2.1 asks for ten). */
    static final int EXTENSIONS = 10;
    /** An answer sent just as time runs out still counts: the network may have held it up. */
    static final Duration GRACE = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final QuestionBank bank;
    private final Quizzes quizzes;
    private final ApplicationEventPublisher events;
    private final StudyCalendar calendar;
    private final Translations translations;

    Attempts(JdbcTemplate jdbc, QuestionBank bank, Quizzes quizzes, ApplicationEventPublisher events,
             StudyCalendar calendar, Translations translations) {
        this.translations = translations;
        this.jdbc = jdbc;
        this.bank = bank;
        this.quizzes = quizzes;
        this.events = events;
        this.calendar = calendar;
    }

    /**
     * The caller's unfinished attempt at this quiz, or a new one while attempts are left. An attempt whose time ran
     * out is handed in as it stands first.
     */
    @PreAuthorize("isAuthenticated()")
    public UUID start(UUID quizId) {
        QuizInfo quiz = quizzes.open(quizId);
        String user = CurrentUser.name();
        Optional<UUID> open = openAttempt(quizId, user);
        if (open.isPresent()) {
            Attempt attempt = mine(open.get(), true);
            if (!expired(attempt)) {
                return open.get();
            }
            grade(attempt);
        }
        Integer used = jdbc.queryForObject("select count(*) from quiz_attempt where quiz_id = ? and username = ?",
                Integer.class, quizId, user);
        int number = (used == null ? 0 : used) + 1;
        if (quiz.maxAttempts() != null && number > quiz.maxAttempts()) {
            throw new UserError("quiz.attempts.used", quiz.maxAttempts());
        }
        List<UUID> questions = draw(quizId, quiz.kind() == QuizKind.TEST ? Set.of() : keptForTests(user));
        if (questions.isEmpty()) {
            throw new UserError("quiz.no-questions");
        }
        Instant now = calendar.now();
        Instant deadline = quiz.timeLimitMinutes() == null ? null
                : now.plus(Duration.ofMinutes(quiz.timeLimitMinutes()));
        // another device starting the same attempt at this moment made it first: that one serves both
        return create(quizId, quiz.kind(), null, questions, deadline, number)
                .orElseGet(() -> openAttempt(quizId, user).orElseThrow());
    }

    private Optional<UUID> openAttempt(UUID quizId, String user) {
        return jdbc.queryForList("select id from quiz_attempt where quiz_id = ? and username = ?"
                + " and submitted_at is null", UUID.class, quizId, user).stream().findFirst();
    }

    /**
     * Questions a member must not see answered in practice: those of published tests with fixed questions, and
     * those of the member's test still being answered.
     */
    Set<UUID> keptForTests(String user) {
        return new HashSet<>(jdbc.queryForList("select f.question_id from quiz_question f join quiz z"
                + " on z.id = f.quiz_id where z.published and z.kind = 'TEST' union select aq.question_id"
                + " from attempt_question aq join quiz_attempt a on a.id = aq.attempt_id where a.username = ?"
                + " and a.kind = 'TEST' and a.submitted_at is null", UUID.class, user));
    }

    /** The caller's attempt as their screen shows it. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public AnswerSheet sheet(UUID attemptId) {
        Attempt attempt = mine(attemptId, false);
        List<AskedRow> rows = asked(attemptId);
        Map<VersionKey, QuestionDraft> versions = bank.versions(rows.stream().map(AskedRow::version).toList());
        List<AnswerSheet.Asked> asked = new ArrayList<>();
        for (AskedRow row : rows) {
            QuestionDraft question = versions.get(row.version());
            boolean shown = attempt.submitted() || (attempt.kind().showsAnswerAtOnce() && row.answer() != null);
            asked.add(new AnswerSheet.Asked(row.position(), question.type(), question.stem(),
                    row.order().stream().map(question.options()::get).toList(),
                    row.answer() == null ? List.of() : toShown(question, row.order(), row.answer()), question.score(),
                    shown ? feedback(question, row, attempt) : null));
        }
        return new AnswerSheet(attemptId, attempt.quizId(), attempt.title(), attempt.kind(), asked, attempt.deadline(),
                attempt.deadline() == null ? 0 : EXTENSIONS - attempt.extensions(),
                attempt.submitted() ? new AnswerSheet.Result(attempt.score(), attempt.maxScore(), attempt.passed(),
                        attempt.passPercent()) : null);
    }

    /**
     * Saves the answer to one question (shown letters, TRUE/FALSE, or the words of a blank); an empty list takes it
     * back. For practice the feedback comes back at once; for a test, nothing until submission.
     */
    @PreAuthorize("isAuthenticated()")
    public Optional<AnswerSheet.Feedback> answer(UUID attemptId, int position, List<String> shownAnswer) {
        Attempt attempt = mine(attemptId, true);
        if (attempt.submitted()) {
            throw new UserError("quiz.already-submitted");
        }
        Instant now = calendar.now();
        if (expired(attempt)) {
            throw new UserError("quiz.time-up");
        }
        AskedRow row = asked(attemptId).stream().filter(r -> r.position() == position).findFirst()
                .orElseThrow(() -> new UserError("quiz.invalid.answer"));
        QuestionDraft question = bank.versions(List.of(row.version())).get(row.version());
        List<String> answer = fromShown(question, row.order(), shownAnswer);
        BigDecimal earned = attempt.kind().showsAnswerAtOnce() && !answer.isEmpty()
                ? Grading.score(question, answer, attempt.partialCredit()) : null;
        jdbc.update("update attempt_question set answer = ?, answered_at = ?, score = ? where attempt_id = ?"
                + " and position = ?", answer.isEmpty() ? null : QuestionBank.JSON.writeValueAsString(answer),
                answer.isEmpty() ? null : Timestamp.from(now), earned, attemptId, position);
        if (earned == null) {
            return Optional.empty();
        }
        noteInWrongBook(attempt.username(), row.version().questionId(), earned.compareTo(question.score()) >= 0, now);
        AskedRow answered = new AskedRow(row.position(), row.version(), row.order(), answer);
        return Optional.of(feedback(question, answered, attempt));
    }

    /** Asks for more time on a timed paper: the whole limit again, up to {@link #EXTENSIONS} times. */
    @PreAuthorize("isAuthenticated()")
    public Instant extend(UUID attemptId) {
        Attempt attempt = mine(attemptId, true);
        if (attempt.submitted() || attempt.deadline() == null || attempt.timeLimit() == null) {
            throw new UserError("quiz.extend.not-timed");
        }
        if (expired(attempt)) { // more time is asked for before it runs out, as the page warns
            throw new UserError("quiz.time-up");
        }
        if (attempt.extensions() >= EXTENSIONS) {
            throw new UserError("quiz.extend.used", EXTENSIONS);
        }
        Instant deadline = attempt.deadline().plus(Duration.ofMinutes(attempt.timeLimit()));
        jdbc.update("update quiz_attempt set deadline_at = ?, extensions = extensions + 1 where id = ?",
                Timestamp.from(deadline), attemptId);
        return deadline;
    }

    /** Grades the attempt; a second call (another tab, a retry) returns the same result and changes nothing. */
    @PreAuthorize("isAuthenticated()")
    public AnswerSheet submit(UUID attemptId) {
        Attempt attempt = mine(attemptId, true);
        if (!attempt.submitted()) {
            grade(attempt);
        }
        return sheet(attemptId);
    }

    /** What the caller has done with this quiz: attempts used, best score, passed ever, an attempt still open. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Standing standing(UUID quizId) {
        String user = CurrentUser.name();
        return jdbc.queryForObject("select count(submitted_at) as used, max(score) as best,"
                + " coalesce(max(case when passed then 1 else 0 end), 0) as passed,"
                + " max(case when submitted_at is null then cast(id as varchar(36)) end) as open_id"
                + " from quiz_attempt where quiz_id = ? and username = ?", (rs, n) -> new Standing(rs.getInt("used"),
                rs.getBigDecimal("best"), rs.getInt("passed") == 1,
                Optional.ofNullable(rs.getString("open_id")).map(UUID::fromString).orElse(null)), quizId, user);
    }

    /** {@code best} is null before the first submission. */
    public record Standing(int attemptsUsed, @Nullable BigDecimal best, boolean passed, @Nullable UUID openAttempt) {
    }

    /**
     * A new attempt of the caller with these questions, options shuffled once; empty when the same attempt (the same
     * number of this quiz, or the same day's 每日一练) was just made by another device.
     */
    Optional<UUID> create(@Nullable UUID quizId, QuizKind kind, @Nullable LocalDate practiceDay,
                          List<UUID> questionIds, @Nullable Instant deadline, int number) {
        UUID id = UUID.randomUUID();
        List<VersionKey> versions = bank.currentVersions(questionIds);
        Map<VersionKey, QuestionDraft> drafts = bank.versions(versions);
        BigDecimal max = QuestionBank.sum(versions.stream().map(v -> drafts.get(v).score()).toList());
        int made = jdbc.update("insert into quiz_attempt (id, quiz_id, username, attempt_no, kind, practice_day,"
                + " started_at, deadline_at, max_score) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", id,
                quizId, CurrentUser.name(), number, kind.name(), practiceDay, Timestamp.from(calendar.now()),
                deadline == null ? null : Timestamp.from(deadline), max);
        if (made == 0) {
            return Optional.empty();
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            VersionKey version = versions.get(i);
            rows.add(new Object[]{id, i, version.questionId(), version.version(),
                QuestionBank.JSON.writeValueAsString(shuffled(drafts.get(version).options().size()))});
        }
        jdbc.batchUpdate("insert into attempt_question (attempt_id, position, question_id, question_version,"
                + " option_order) values (?, ?, ?, ?, ?)", rows);
        return Optional.of(id);
    }

    /** The quiz's fixed questions in order, then each rule's draw (leaving out {@code kept}), never one twice. */
    private List<UUID> draw(UUID quizId, Set<UUID> kept) {
        LinkedHashSet<UUID> chosen = new LinkedHashSet<>(jdbc.queryForList("select f.question_id from quiz_question f"
                + " join question q on q.id = f.question_id where f.quiz_id = ? and not q.retired order by f.position",
                UUID.class, quizId));
        jdbc.query("select r.difficulty, r.draw_count, c.path from quiz_draw_rule r join quiz_category c"
                + " on c.id = r.category_id where r.quiz_id = ? order by r.position", rs -> {
                    Integer difficulty = (Integer) rs.getObject("difficulty");
                    String path = rs.getString("path");
                    // the version is joined only to filter by difficulty: on 10,000 questions the join costs
                    List<UUID> pool = new ArrayList<>(jdbc.queryForList("select q.id from question q"
                            + " join quiz_category c on c.id = q.category_id" + (difficulty == null ? ""
                            : " join question_version v on v.question_id = q.id and v.version = q.version"
                            + " and v.difficulty = " + difficulty) + " where not q.retired"
                            + " and (c.path = ? or c.path like ?)", UUID.class, path, path + "/%")); // shuffled below
                    pool.removeAll(chosen);
                    pool.removeAll(kept);
                    Collections.shuffle(pool, ThreadLocalRandom.current());
                    chosen.addAll(pool.subList(0, Math.min(rs.getInt("draw_count"), pool.size())));
                }, quizId);
        return List.copyOf(chosen);
    }

    private void grade(Attempt attempt) {
        List<AskedRow> rows = asked(attempt.id());
        Map<VersionKey, QuestionDraft> versions = bank.versions(rows.stream().map(AskedRow::version).toList());
        Instant now = calendar.now();
        BigDecimal total = BigDecimal.ZERO;
        List<Object[]> scores = new ArrayList<>();
        for (AskedRow row : rows) {
            QuestionDraft question = versions.get(row.version());
            BigDecimal earned = row.answer() == null ? BigDecimal.ZERO
                    : Grading.score(question, row.answer(), attempt.partialCredit());
            scores.add(new Object[]{earned, attempt.id(), row.position()});
            total = total.add(earned);
            if (attempt.kind() == QuizKind.TEST) {
                noteInWrongBook(attempt.username(), row.version().questionId(),
                        earned.compareTo(question.score()) >= 0, now);
            }
        }
        jdbc.batchUpdate("update attempt_question set score = ? where attempt_id = ? and position = ?", scores);
        Boolean passed = attempt.kind() == QuizKind.TEST
                ? total.multiply(BigDecimal.valueOf(100))
                        .compareTo(attempt.maxScore().multiply(BigDecimal.valueOf(attempt.passPercent()))) >= 0
                : null;
        jdbc.update("update quiz_attempt set submitted_at = ?, score = ?, passed = ? where id = ?",
                Timestamp.from(now), total, passed, attempt.id());
        boolean allAnswered = rows.stream().allMatch(r -> r.answer() != null);
        // one attempt per day, graded once; the day's points are for answering, not for a tap on 交卷
        if (attempt.kind() == QuizKind.DAILY && attempt.practiceDay() != null && allAnswered) {
            events.publishEvent(new DailyPracticeDone(attempt.username(), attempt.practiceDay(),
                    translations.getTranslation("quiz.kind.daily", Translations.CHINESE), now));
        }
        if (Boolean.TRUE.equals(passed) && attempt.quizId() != null) {
            int first = jdbc.update("insert into quiz_pass (username, quiz_id, study_year, attempt_id, passed_at)"
                    + " values (?, ?, ?, ?, ?) on conflict do nothing", attempt.username(), attempt.quizId(),
                    calendar.yearOf(now), attempt.id(), Timestamp.from(now));
            if (first == 1) {
                events.publishEvent(new QuizPassed(attempt.username(), attempt.quizId(), attempt.title(), now));
            }
        }
    }

    /** Wrong: into the 错题本 (once); right: out of it. */
    private void noteInWrongBook(String user, UUID questionId, boolean right, Instant now) {
        if (right) {
            jdbc.update("delete from wrong_question where username = ? and question_id = ?", user, questionId);
        } else {
            jdbc.update("insert into wrong_question (username, question_id, wrong_at) values (?, ?, ?)"
                    + " on conflict do nothing", user, questionId, Timestamp.from(now));
        }
    }

    private boolean expired(Attempt attempt) {
        return attempt.deadline() != null && calendar.now().isAfter(attempt.deadline().plus(GRACE));
    }

    private static AnswerSheet.Feedback feedback(QuestionDraft question, AskedRow row, Attempt attempt) {
        BigDecimal earned = row.answer() == null ? BigDecimal.ZERO
                : Grading.score(question, row.answer(), attempt.partialCredit());
        return new AnswerSheet.Feedback(earned.compareTo(question.score()) >= 0,
                toShown(question, row.order(), question.key()), question.explanation(), earned);
    }

    /** Author's letters to the letters on this attempt's screen (sorted); other answers as they are. */
    static List<String> toShown(QuestionDraft question, List<Integer> order, List<String> answer) {
        if (!question.type().hasOptions()) {
            return answer;
        }
        List<String> letters = QuestionDraft.letters(order.size());
        return IntStream.range(0, order.size()).filter(i -> answer.contains(letters.get(order.get(i))))
                .mapToObj(letters::get).toList();
    }

    /** Letters on the screen to the author's letters; refuses what the question cannot take. */
    static List<String> fromShown(QuestionDraft question, List<Integer> order, List<String> shown) {
        List<String> letters = QuestionDraft.letters(order.size());
        Set<String> distinct = new HashSet<>(shown);
        boolean valid = switch (question.type()) {
            case SINGLE -> shown.size() <= 1 && letters.containsAll(shown);
            case MULTIPLE -> distinct.size() == shown.size() && letters.containsAll(shown);
            case TRUE_FALSE -> shown.size() <= 1 && List.of(QuestionDraft.TRUE, QuestionDraft.FALSE)
                    .containsAll(shown);
            case FILL_IN -> shown.size() <= 1 && shown.stream().allMatch(s -> s.length() <= 100);
        };
        if (!valid) {
            throw new UserError("quiz.invalid.answer");
        }
        if (!question.type().hasOptions()) {
            return shown.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        return shown.stream().map(s -> letters.get(order.get(letters.indexOf(s)))).sorted().toList();
    }

    private static List<Integer> shuffled(int count) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, count).boxed().toList());
        Collections.shuffle(order, ThreadLocalRandom.current());
        return order;
    }

    private Attempt mine(UUID attemptId, boolean lock) {
        if (lock) { // answers and the submission of one attempt take turns
            jdbc.queryForList("select id from quiz_attempt where id = ? for update", UUID.class, attemptId);
        }
        Attempt attempt = jdbc.query("select a.id, a.quiz_id, a.username, a.kind, a.practice_day, a.deadline_at,"
                + " a.extensions, a.submitted_at, a.score, a.max_score, a.passed, q.title, q.partial_credit,"
                + " q.pass_percent, q.time_limit_minutes from quiz_attempt a left join quiz q on q.id = a.quiz_id"
                + " where a.id = ?", (rs, n) -> new Attempt(rs.getObject("id", UUID.class),
                rs.getObject("quiz_id", UUID.class), rs.getString("username"), QuizKind.valueOf(rs.getString("kind")),
                rs.getObject("practice_day", LocalDate.class),
                instant(rs.getObject("deadline_at", OffsetDateTime.class)), rs.getInt("extensions"),
                rs.getObject("submitted_at") != null, rs.getBigDecimal("score"), rs.getBigDecimal("max_score"),
                (Boolean) rs.getObject("passed"), Optional.ofNullable(rs.getString("title")).orElse(""),
                rs.getObject("partial_credit") == null || rs.getBoolean("partial_credit"), rs.getInt("pass_percent"),
                (Integer) rs.getObject("time_limit_minutes")), attemptId).stream().findFirst().orElse(null);
        if (attempt == null || !attempt.username().equals(CurrentUser.name())) {
            throw new AccessDeniedException("attempt " + attemptId + " is not the caller's");
        }
        return attempt;
    }

    private List<AskedRow> asked(UUID attemptId) {
        return jdbc.query("select position, question_id, question_version, option_order, answer from attempt_question"
                + " where attempt_id = ? order by position", (rs, n) -> new AskedRow(rs.getInt("position"),
                new VersionKey(rs.getObject("question_id", UUID.class), rs.getInt("question_version")),
                QuestionBank.integers(rs.getString("option_order")),
                rs.getString("answer") == null ? null : QuestionBank.strings(rs.getString("answer"))), attemptId);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private record Attempt(UUID id, @Nullable UUID quizId, String username, QuizKind kind,
                           @Nullable LocalDate practiceDay, @Nullable Instant deadline,
                           int extensions, boolean submitted, @Nullable BigDecimal score, BigDecimal maxScore,
                           @Nullable Boolean passed, String title, boolean partialCredit, int passPercent,
                           @Nullable Integer timeLimit) {
    }

    private record AskedRow(int position, VersionKey version, List<Integer> order, @Nullable List<String> answer) {
    }
}
