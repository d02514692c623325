package org.yundangke.committee;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.UserError;
import org.yundangke.base.storage.ObjectBytes;
import org.yundangke.base.storage.ObjectStoreProperties;
import org.yundangke.org.OrgDirectory;

/**
 * The indicators a branch assesses itself (those the platform cannot measure), a quarter at a time: the secretary
 * gives a score up to the indicator's weight with evidence in words and, if wanted, files; an administrator of a
 * committee above the branch (its county, city or the province) reviews and gives the final score, after which the
 * branch's own entry for that quarter is closed.
 */
@Service
public class SelfAssessments {

    /** One indicator of one branch and quarter: the self score and evidence, and the review once there is one. */
    public record Assessment(long branchId, int year, int quarter, String code, BigDecimal selfScore,
                             String evidence, String assessedBy, @Nullable BigDecimal reviewScore,
                             @Nullable String reviewNote, @Nullable String reviewedBy) {
        public boolean reviewed() {
            return reviewScore != null;
        }
    }

    static final int MAX_FILE_BYTES = 20 * 1024 * 1024;

    private static final RowMapper<Assessment> ROW = (rs, n) -> new Assessment(rs.getLong("branch_id"),
            rs.getInt("study_year"), rs.getInt("quarter"), rs.getString("code"), rs.getBigDecimal("self_score"),
            rs.getString("evidence_text"), rs.getString("assessed_by"), rs.getBigDecimal("review_score"),
            rs.getString("review_note"), rs.getString("reviewed_by"));

    private final JdbcTemplate jdbc;
    private final Scorecards scorecards;
    private final OrgDirectory directory;
    private final ObjectBytes objects;
    private final TransactionTemplate transaction;
    private final StudyCalendar calendar;
    private final String bucket;

    SelfAssessments(JdbcTemplate jdbc, Scorecards scorecards, OrgDirectory directory, ObjectBytes objects,
                    TransactionTemplate transaction, StudyCalendar calendar, ObjectStoreProperties store) {
        this.jdbc = jdbc;
        this.scorecards = scorecards;
        this.directory = directory;
        this.objects = objects;
        this.transaction = transaction;
        this.calendar = calendar;
        this.bucket = store.evidenceBucket();
    }

    /** The secretary's score and evidence for a self-assessed indicator; changeable until reviewed. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional
    public Assessment assess(long branchId, int year, int quarter, String code, BigDecimal score, String evidence) {
        directory.requireBranchInScope(branchId);
        requireOpen(branchId, year, quarter);
        Indicator indicator = selfAssessed(year, quarter, code);
        if (score.signum() < 0 || score.compareTo(indicator.weight()) > 0) {
            throw new UserError("scorecard.self.score", indicator.weight().stripTrailingZeros().toPlainString());
        }
        String text = evidence.strip();
        if (text.isEmpty() || text.length() > 2000) {
            throw new UserError("scorecard.self.evidence");
        }
        Assessment existing = find(branchId, year, quarter, code);
        if (existing != null && existing.reviewed()) {
            throw new UserError("scorecard.self.reviewed");
        }
        Timestamp now = Timestamp.from(calendar.now());
        if (existing == null) {
            jdbc.update("insert into scorecard_assessment (branch_id, study_year, quarter, code, self_score,"
                    + " evidence_text, assessed_by, assessed_at) values (?, ?, ?, ?, ?, ?, ?, ?)", branchId, year,
                    quarter, code, score, text, CurrentUser.name(), now);
        } else {
            jdbc.update("update scorecard_assessment set self_score = ?, evidence_text = ?, assessed_by = ?,"
                    + " assessed_at = ? where branch_id = ? and study_year = ? and quarter = ? and code = ?", score,
                    text, CurrentUser.name(), now, branchId, year, quarter, code);
        }
        return find(branchId, year, quarter, code);
    }

    /** A file of evidence (a picture or a PDF of at most 20 MB) for an assessed indicator; no orphan if refused. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public int attach(long branchId, int year, int quarter, String code, String fileName, byte[] data) {
        directory.requireBranchInScope(branchId);
        requireOpen(branchId, year, quarter);
        if (find(branchId, year, quarter, code) == null) {
            throw new UserError("scorecard.self.evidence");
        }
        String type = ObjectBytes.isPdf(data) ? "application/pdf" : ObjectBytes.imageType(data);
        if (type == null || data.length > MAX_FILE_BYTES) {
            throw new UserError("scorecard.self.file");
        }
        String name = "scorecards/" + branchId + "/" + year + "-" + quarter + "/" + code + "/" + UUID.randomUUID();
        String shown = fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
        Integer position = objects.putThen(bucket, name, data, type, () -> transaction.execute(tx -> {
            Integer last = jdbc.queryForObject("select coalesce(max(position), 0) from scorecard_evidence_file"
                    + " where branch_id = ? and study_year = ? and quarter = ? and code = ?", Integer.class,
                    branchId, year, quarter, code);
            int next = (last == null ? 0 : last) + 1;
            jdbc.update("insert into scorecard_evidence_file (branch_id, study_year, quarter, code, position,"
                    + " object, file_name, content_type) values (?, ?, ?, ?, ?, ?, ?, ?)", branchId, year, quarter,
                    code, next, name, shown, type);
            return next;
        }));
        return position == null ? 0 : position;
    }

    /**
     * The final score of a self-assessed indicator, by an administrator of a committee above the branch; a review may
     * be given again (corrected) by them.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Assessment review(long branchId, int year, int quarter, String code, BigDecimal score, String note) {
        requireReviewer(branchId);
        requireOpen(branchId, year, quarter);
        Indicator indicator = selfAssessed(year, quarter, code);
        if (find(branchId, year, quarter, code) == null) {
            throw new UserError("scorecard.review.nothing");
        }
        if (score.signum() < 0 || score.compareTo(indicator.weight()) > 0 || note.length() > 500) {
            throw new UserError("scorecard.self.score", indicator.weight().stripTrailingZeros().toPlainString());
        }
        jdbc.update("update scorecard_assessment set review_score = ?, review_note = ?, reviewed_by = ?,"
                + " reviewed_at = ? where branch_id = ? and study_year = ? and quarter = ? and code = ?", score,
                note.strip(), CurrentUser.name(), Timestamp.from(calendar.now()), branchId, year, quarter, code);
        return find(branchId, year, quarter, code);
    }

    /** Whether the caller administers a committee above the branch (its own committee or one higher up). */
    @PreAuthorize("isAuthenticated()")
    public boolean reviews(long branchId) {
        if (!CurrentUser.isAdmin()) {
            return false;
        }
        try {
            requireReviewer(branchId);
            return true;
        } catch (org.springframework.security.access.AccessDeniedException e) {
            return false;
        }
    }

    /**
     * Refuses anyone but an administrator of a committee above the branch: leading the branch as its secretary does
     * not make its own secretary a reviewer, whatever other roles the account has.
     */
    void requireReviewer(long branchId) {
        directory.requireBranchInScope(branchId);
        Long committee = jdbc.queryForObject("select committee_id from org_branch where branch_id = ?", Long.class,
                branchId);
        directory.requireCommitteeInScope(java.util.Objects.requireNonNull(committee));
    }

    /** Refuses changes to a quarter whose review is finished. */
    void requireOpen(long branchId, int year, int quarter) {
        Integer closed = jdbc.queryForObject("select count(*) from scorecard_result where branch_id = ?"
                + " and study_year = ? and quarter = ? and reviewed_by is not null", Integer.class, branchId, year,
                quarter);
        if (closed != null && closed > 0) {
            throw new UserError("scorecard.closed");
        }
    }

    /** A branch's assessments of a quarter. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<Assessment> of(long branchId, int year, int quarter) {
        directory.requireBranchInScope(branchId);
        return jdbc.query("select * from scorecard_assessment where branch_id = ? and study_year = ? and quarter = ?"
                + " order by code", ROW, branchId, year, quarter);
    }

    private @Nullable Assessment find(long branchId, int year, int quarter, String code) {
        return jdbc.query("select * from scorecard_assessment where branch_id = ? and study_year = ? and quarter = ?"
                + " and code = ?", ROW, branchId, year, quarter, code).stream().findFirst().orElse(null);
    }

    /** The indicator as in force at the quarter's end, if it is one the branch assesses itself. */
    private Indicator selfAssessed(int year, int quarter, String code) {
        return scorecards.inForce(scorecards.judgedOn(year, quarter)).stream().filter(i -> i.code().equals(code) && !i.measured()).findFirst()
                .orElseThrow(() -> new UserError("scorecard.self.measured"));
    }
}
