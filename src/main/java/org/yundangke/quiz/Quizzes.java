package org.yundangke.quiz;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.UserError;
import org.yundangke.catalogue.Catalogue;

/** Quizzes as authors set them up and as members find them: published ones, a lesson's test only with its lesson. */
@Service
@Transactional(readOnly = true)
public class Quizzes {

    static final int MAX_QUESTIONS = 100;
    private static final String COLUMNS = "q.id, q.title, q.kind, q.summary, q.lesson_id, q.pass_percent,"
            + " q.max_attempts, q.time_limit_minutes, q.partial_credit, q.published,"
            + " (select count(*) from quiz_question f where f.quiz_id = q.id)"
            + " + (select coalesce(sum(r.draw_count), 0) from quiz_draw_rule r where r.quiz_id = q.id) as questions";

    private final JdbcTemplate jdbc;
    private final QuestionBank bank;
    private final Catalogue catalogue;
    private final StudyCalendar calendar;

    Quizzes(JdbcTemplate jdbc, QuestionBank bank, Catalogue catalogue, StudyCalendar calendar) {
        this.jdbc = jdbc;
        this.bank = bank;
        this.catalogue = catalogue;
        this.calendar = calendar;
    }

    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    @Transactional
    public QuizInfo create(QuizDraft draft) {
        check(draft);
        UUID id = UUID.randomUUID();
        jdbc.update("insert into quiz (id, title, kind, summary, lesson_id, pass_percent, max_attempts,"
                + " time_limit_minutes, partial_credit, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, draft.title().strip(), draft.kind().name(), draft.summary().strip(), draft.lessonId(),
                draft.passPercent(), draft.maxAttempts(), draft.timeLimitMinutes(), draft.partialCredit(),
                CurrentUser.name(), Timestamp.from(calendar.now()));
        for (int i = 0; i < draft.questionIds().size(); i++) {
            jdbc.update("insert into quiz_question (quiz_id, position, question_id) values (?, ?, ?)", id, i,
                    draft.questionIds().get(i));
        }
        for (int i = 0; i < draft.drawRules().size(); i++) {
            QuizDraft.DrawRule rule = draft.drawRules().get(i);
            jdbc.update("insert into quiz_draw_rule (quiz_id, position, category_id, difficulty, draw_count)"
                    + " values (?, ?, ?, ?, ?)", id, i, bank.categoryId(rule.categoryPath()), rule.difficulty(),
                    rule.count());
        }
        return find(id).orElseThrow();
    }

    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    @Transactional
    public void publish(UUID quizId) {
        jdbc.update("update quiz set published = true where id = ?", quizId);
    }

    /** Every quiz, newest first, for its authors. */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    public List<QuizInfo> all() {
        return jdbc.query("select " + COLUMNS + " from quiz q order by q.created_at desc", Quizzes::info);
    }

    /** The published quizzes the caller may take, newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<QuizInfo> forMe() {
        return jdbc.query("select " + COLUMNS + " from quiz q where q.published order by q.created_at desc",
                Quizzes::info).stream().filter(this::openToCaller).toList();
    }

    /** The published tests of a lesson the caller may see. */
    @PreAuthorize("isAuthenticated()")
    public List<QuizInfo> ofLesson(UUID lessonId) {
        if (!catalogue.isOpenToCaller(lessonId)) {
            return List.of();
        }
        return jdbc.query("select " + COLUMNS + " from quiz q where q.published and q.lesson_id = ?"
                + " order by q.created_at", Quizzes::info, lessonId);
    }

    /** A published quiz the caller may take; any other id is refused alike, saying nothing of what it names. */
    @PreAuthorize("isAuthenticated()")
    public QuizInfo open(UUID quizId) {
        return find(quizId).filter(QuizInfo::published).filter(this::openToCaller)
                .orElseThrow(() -> new AccessDeniedException("quiz " + quizId + " is not open to the caller"));
    }

    /** Every published quiz of a kind, newest first, whoever may take it. */
    List<QuizInfo> published(QuizKind kind) {
        return jdbc.query("select " + COLUMNS + " from quiz q where q.published and q.kind = ?"
                + " order by q.created_at desc", Quizzes::info, kind.name());
    }

    Optional<QuizInfo> find(UUID quizId) {
        return jdbc.query("select " + COLUMNS + " from quiz q where q.id = ?", Quizzes::info, quizId).stream()
                .findFirst();
    }

    private boolean openToCaller(QuizInfo quiz) {
        return quiz.lessonId() == null || catalogue.isOpenToCaller(quiz.lessonId());
    }

    private static void check(QuizDraft draft) {
        int drawn = draft.drawRules().stream().mapToInt(QuizDraft.DrawRule::count).sum();
        if (draft.title().isBlank() || draft.title().strip().length() > 200) {
            throw new UserError("quiz.invalid.title");
        }
        if (draft.kind() != QuizKind.PRACTICE && draft.kind() != QuizKind.TEST) {
            throw new UserError("quiz.invalid.kind");
        }
        if (draft.questionIds().size() + drawn == 0 || draft.questionIds().size() + drawn > MAX_QUESTIONS
                || draft.drawRules().stream().anyMatch(r -> r.count() <= 0)) {
            throw new UserError("quiz.invalid.questions", MAX_QUESTIONS);
        }
        if (draft.passPercent() < 0 || draft.passPercent() > 100
                || (draft.maxAttempts() != null && draft.maxAttempts() <= 0)
                || (draft.timeLimitMinutes() != null && draft.timeLimitMinutes() <= 0)) {
            throw new UserError("quiz.invalid.numbers");
        }
    }

    private static QuizInfo info(ResultSet rs, int row) throws SQLException {
        return new QuizInfo(rs.getObject("id", UUID.class), rs.getString("title"),
                QuizKind.valueOf(rs.getString("kind")), rs.getString("summary"), rs.getObject("lesson_id", UUID.class),
                rs.getInt("questions"), rs.getInt("pass_percent"), (Integer) rs.getObject("max_attempts"),
                (Integer) rs.getObject("time_limit_minutes"), rs.getBoolean("partial_credit"),
                rs.getBoolean("published"));
    }
}
