package org.yundangke.quiz;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.yundangke.base.StudyCalendar;
import org.yundangke.study.AssignableWork;

/**
 * Tests and practice quizzes as work a secretary can assign (study keeps the assignment). A member has done a test
 * when they passed it this year or have no attempt left, and a practice quiz when they handed one in this year.
 */
@Component
class QuizAssignments implements AssignableWork {

    private final Quizzes quizzes;
    private final NamedParameterJdbcTemplate named;
    private final StudyCalendar calendar;

    QuizAssignments(Quizzes quizzes, JdbcTemplate jdbc, StudyCalendar calendar) {
        this.quizzes = quizzes;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.calendar = calendar;
    }

    @Override
    public List<Work> choices() {
        return quizzes.forMe().stream().map(QuizAssignments::work).toList();
    }

    @Override
    public Optional<Work> find(UUID workId) {
        try {
            return Optional.of(work(quizzes.open(workId)));
        } catch (AccessDeniedException notOpen) {
            return Optional.empty();
        }
    }

    @Override
    public Map<String, Progress> progress(UUID workId, Collection<String> usernames) {
        QuizInfo quiz = quizzes.find(workId).orElse(null);
        if (quiz == null || usernames.isEmpty()) {
            return Map.of();
        }
        Timestamp yearStart = Timestamp.from(calendar.today().withDayOfYear(1).atStartOfDay(StudyCalendar.ZONE)
                .toInstant());
        Map<String, Progress> progress = new HashMap<>();
        named.query("select username, count(submitted_at) as handed_in,"
                + " count(case when started_at >= :start then 1 end) as this_year,"
                + " count(case when submitted_at >= :start then 1 end) as handed_in_this_year,"
                + " max(case when passed and submitted_at >= :start then 1 else 0 end) as passed"
                + " from quiz_attempt where quiz_id = :quiz and username in (:users) group by username",
                Map.of("quiz", workId, "users", usernames, "start", yearStart), rs -> {
                    boolean done = quiz.kind() == QuizKind.TEST
                            ? rs.getInt("passed") == 1 || (quiz.maxAttempts() != null
                                    && rs.getInt("handed_in") >= quiz.maxAttempts())
                            : rs.getInt("handed_in_this_year") > 0;
                    if (done) {
                        progress.put(rs.getString("username"), Progress.FINISHED);
                    } else if (rs.getInt("this_year") > 0) {
                        progress.put(rs.getString("username"), Progress.STARTED);
                    }
                });
        return progress;
    }

    private static Work work(QuizInfo quiz) {
        return new Work(quiz.id(), "quiz.kind." + quiz.kind().name().toLowerCase(Locale.ROOT), quiz.title(),
                "quizzes/" + quiz.id());
    }
}
