package org.yundangke.committee;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.UserError;

/**
 * A branch's whole scorecard for a quarter: every indicator in force with what the platform measured or the branch
 * assessed, the quarter's submission by the secretary (the measured scores frozen then) and the review that closes it
 * (an administrator above the branch has reviewed every self-assessed indicator; the measured part is measured again).
 * The submitted or reviewed total is what the committees' rollups average.
 */
@Service
public class BranchScorecards {

    /** One indicator's line: measured (with value and score) or self-assessed (with the assessment, if any). */
    public record Line(Indicator indicator, ScorecardMeasures.@Nullable Measurement measured,
                       SelfAssessments.@Nullable Assessment assessed) {

        /** The score this line gives now: measured, reviewed, or as the branch scored itself; zero when missing. */
        public BigDecimal score() {
            if (measured != null) {
                return measured.score();
            }
            if (assessed == null) {
                return BigDecimal.ZERO;
            }
            return assessed.reviewed() ? assessed.reviewScore() : assessed.selfScore();
        }
    }

    /** The stored result of a quarter: as submitted, and as reviewed once it is. */
    public record Result(BigDecimal measuredScore, BigDecimal selfScore, @Nullable BigDecimal reviewScore,
                         BigDecimal total, String submittedBy, @Nullable String reviewedBy) {
        public boolean reviewed() {
            return reviewedBy != null;
        }
    }

    public record Card(long branchId, int year, int quarter, List<Line> lines, @Nullable Result result) {

        public BigDecimal total() {
            return lines.stream().map(Line::score).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        /** Self-assessed indicators the branch has not assessed yet. */
        public long missing() {
            return lines.stream().filter(l -> l.measured() == null && l.assessed() == null).count();
        }

        /** Self-assessed indicators not reviewed yet. */
        public long unreviewed() {
            return lines.stream().filter(l -> l.measured() == null && (l.assessed() == null
                    || !l.assessed().reviewed())).count();
        }
    }

    private final JdbcTemplate jdbc;
    private final Scorecards scorecards;
    private final ScorecardMeasures measures;
    private final SelfAssessments assessments;
    private final StudyCalendar calendar;

    BranchScorecards(JdbcTemplate jdbc, Scorecards scorecards, ScorecardMeasures measures,
                     SelfAssessments assessments, StudyCalendar calendar) {
        this.jdbc = jdbc;
        this.scorecards = scorecards;
        this.measures = measures;
        this.assessments = assessments;
        this.calendar = calendar;
    }

    /** The scorecard of a branch in the caller's scope for a quarter. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional(readOnly = true)
    public Card card(long branchId, int year, int quarter) {
        Map<String, ScorecardMeasures.Measurement> measured = measures.of(branchId, year, quarter).stream()
                .collect(Collectors.toMap(m -> m.indicator().code(), Function.identity()));
        Map<String, SelfAssessments.Assessment> assessed = assessments.of(branchId, year, quarter).stream()
                .collect(Collectors.toMap(SelfAssessments.Assessment::code, Function.identity()));
        List<Line> lines = scorecards.inForce(scorecards.judgedOn(year, quarter)).stream()
                .map(i -> new Line(i, measured.get(i.code()), i.measured() ? null : assessed.get(i.code()))).toList();
        return new Card(branchId, year, quarter, lines, result(branchId, year, quarter));
    }

    /** The secretary hands in the quarter: every self-assessed indicator scored; again until it is reviewed. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional
    public Card submit(long branchId, int year, int quarter) {
        Card card = card(branchId, year, quarter);
        if (card.result() != null && card.result().reviewed()) {
            throw new UserError("scorecard.self.reviewed");
        }
        if (card.missing() > 0) {
            throw new UserError("scorecard.submit.missing", card.missing());
        }
        BigDecimal measured = sum(card, true);
        BigDecimal self = sum(card, false);
        // a review finished meanwhile keeps its row: only an unreviewed one is replaced
        jdbc.update("delete from scorecard_result where branch_id = ? and study_year = ? and quarter = ?"
                + " and reviewed_by is null", branchId, year, quarter);
        int added = jdbc.update("insert into scorecard_result (branch_id, study_year, quarter, measured_score,"
                + " self_score, total, submitted_by, submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict do nothing", branchId, year, quarter, measured, self, measured.add(self),
                CurrentUser.name(), Timestamp.from(calendar.now()));
        if (added == 0 && result(branchId, year, quarter) instanceof Result stored && stored.reviewed()) {
            throw new UserError("scorecard.self.reviewed");
        }
        return card(branchId, year, quarter);
    }

    /** An administrator above the branch closes the quarter's review once every self-assessed line is reviewed. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Card finishReview(long branchId, int year, int quarter) {
        assessments.requireReviewer(branchId);
        Card card = card(branchId, year, quarter);
        if (card.result() == null) {
            throw new UserError("scorecard.review.nothing");
        }
        if (card.unreviewed() > 0) {
            throw new UserError("scorecard.review.missing", card.unreviewed());
        }
        BigDecimal measured = sum(card, true);
        BigDecimal reviewed = sum(card, false);
        int closed = jdbc.update("update scorecard_result set measured_score = ?, review_score = ?, total = ?,"
                + " reviewed_by = ?, reviewed_at = ? where branch_id = ? and study_year = ? and quarter = ?"
                + " and reviewed_by is null", measured, reviewed, measured.add(reviewed), CurrentUser.name(),
                Timestamp.from(calendar.now()), branchId, year, quarter);
        if (closed == 0) {
            throw new UserError("scorecard.closed");
        }
        return card(branchId, year, quarter);
    }

    private @Nullable Result result(long branchId, int year, int quarter) {
        return jdbc.query("select * from scorecard_result where branch_id = ? and study_year = ? and quarter = ?",
                (rs, n) -> new Result(rs.getBigDecimal("measured_score"), rs.getBigDecimal("self_score"),
                        rs.getBigDecimal("review_score"), rs.getBigDecimal("total"), rs.getString("submitted_by"),
                        rs.getString("reviewed_by")), branchId, year, quarter).stream().findFirst().orElse(null);
    }

    private static BigDecimal sum(Card card, boolean measured) {
        return card.lines().stream().filter(l -> (l.measured() != null) == measured).map(Line::score)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
