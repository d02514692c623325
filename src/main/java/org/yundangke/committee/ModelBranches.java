package org.yundangke.committee;

import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.UserError;
import org.yundangke.org.CommitteeLevel;
import org.yundangke.org.OrgDirectory;

/**
 * 示范支部: a branch is proposed for a year at county, city or province level (by its secretary or an administrator
 * above it, with a reason), and an administrator of the branch's committee at that level confirms or declines it. A
 * level above needs the level below confirmed first where the branch has a committee at that level; a declined
 * proposal may be made again.
 */
@Service
@Transactional(readOnly = true)
public class ModelBranches {

    public enum State { PROPOSED, CONFIRMED, DECLINED }

    /** One proposal of a branch for a year and level, and its decision once made. */
    public record Award(long branchId, String branchName, int year, CommitteeLevel level, long committeeId,
                        State state, String reason, String proposedBy, @Nullable String decidedBy,
                        @Nullable String decisionNote) {
    }

    private static final List<CommitteeLevel> UPWARDS = List.of(CommitteeLevel.COUNTY, CommitteeLevel.CITY,
            CommitteeLevel.PROVINCE);

    private static final RowMapper<Award> ROW = (rs, n) -> new Award(rs.getLong("branch_id"), rs.getString("name"),
            rs.getInt("study_year"), CommitteeLevel.valueOf(rs.getString("level")), rs.getLong("committee_id"),
            State.valueOf(rs.getString("state")), rs.getString("reason"), rs.getString("proposed_by"),
            rs.getString("decided_by"), rs.getString("decision_note"));

    private static final String SELECT = "select m.*, b.name from model_branch m"
            + " join org_branch b on b.branch_id = m.branch_id ";

    private final JdbcTemplate jdbc;
    private final OrgDirectory directory;
    private final StudyCalendar calendar;

    ModelBranches(JdbcTemplate jdbc, OrgDirectory directory, StudyCalendar calendar) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.calendar = calendar;
    }

    /** Proposes a branch in the caller's scope as 示范支部 of a year at a level. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional
    public Award propose(long branchId, int year, CommitteeLevel level, String reason) {
        directory.requireBranchInScope(branchId);
        String text = reason.strip();
        if (text.isEmpty() || text.length() > 1000) {
            throw new UserError("model.reason");
        }
        Map<CommitteeLevel, Long> line = committeesAbove(branchId);
        Long committee = line.get(level);
        if (committee == null) {
            throw new UserError("model.no-level");
        }
        for (CommitteeLevel below : UPWARDS.subList(0, UPWARDS.indexOf(level))) {
            Award lower = find(branchId, year, below);
            if (line.containsKey(below) && (lower == null || lower.state() != State.CONFIRMED)) {
                throw new UserError("model.below-first");
            }
        }
        Award existing = find(branchId, year, level);
        Timestamp now = Timestamp.from(calendar.now());
        int made = 0;
        if (existing == null) {
            made = jdbc.update("insert into model_branch (branch_id, study_year, level, committee_id, state, reason,"
                    + " proposed_by, proposed_at) values (?, ?, ?, ?, 'PROPOSED', ?, ?, ?) on conflict do nothing",
                    branchId, year, level.name(), committee, text, CurrentUser.name(), now);
        } else if (existing.state() == State.DECLINED) {
            made = jdbc.update("update model_branch set state = 'PROPOSED', reason = ?, proposed_by = ?,"
                    + " proposed_at = ?, decided_by = null, decided_at = null, decision_note = null where branch_id = ?"
                    + " and study_year = ? and level = ? and state = 'DECLINED'", text, CurrentUser.name(), now,
                    branchId, year, level.name());
        }
        if (made == 0) { // proposed already, or by someone else a moment ago
            throw new UserError("model.already");
        }
        return find(branchId, year, level);
    }

    /**
     * Confirms or declines a proposal; only an administrator of the branch's committee at the proposal's level
     * decides (a county's administrators for the county level, and so on).
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Award decide(long branchId, int year, CommitteeLevel level, boolean confirm, String note) {
        directory.requireBranchInScope(branchId);
        Award award = find(branchId, year, level);
        if (award == null || award.state() != State.PROPOSED) {
            throw new UserError("model.nothing-to-decide");
        }
        Long mine = directory.currentActor().committeeId();
        if (mine == null || mine != award.committeeId()) {
            throw new UserError("model.not-your-level");
        }
        if (note.length() > 500) {
            throw new UserError("model.reason");
        }
        int decided = jdbc.update("update model_branch set state = ?, decided_by = ?, decided_at = ?,"
                + " decision_note = ? where branch_id = ? and study_year = ? and level = ? and state = 'PROPOSED'",
                confirm ? "CONFIRMED" : "DECLINED", CurrentUser.name(), Timestamp.from(calendar.now()), note.strip(),
                branchId, year, level.name());
        if (decided == 0) { // another administrator decided a moment ago
            throw new UserError("model.nothing-to-decide");
        }
        return find(branchId, year, level);
    }

    /** A branch's proposals and titles of a year, from the county level up. */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    public List<Award> of(long branchId, int year) {
        directory.requireBranchInScope(branchId);
        return jdbc.query(SELECT + "where m.branch_id = ? and m.study_year = ? order by case m.level"
                + " when 'COUNTY' then 1 when 'CITY' then 2 else 3 end", ROW, branchId, year);
    }

    /** The proposals waiting for the calling administrator's committee, oldest first. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<Award> waitingForMe() {
        Long mine = directory.currentActor().committeeId();
        return mine == null ? List.of()
                : jdbc.query(SELECT + "where m.committee_id = ? and m.state = 'PROPOSED' order by m.proposed_at", ROW,
                mine);
    }

    /** The branch's own committee and those above it, by level. */
    private Map<CommitteeLevel, Long> committeesAbove(long branchId) {
        Map<CommitteeLevel, Long> line = new EnumMap<>(CommitteeLevel.class);
        jdbc.query("select c.committee_id, c.level from org_branch_committee bc join org_committee c"
                + " on c.committee_id = bc.committee_id where bc.branch_id = ?",
                rs -> {
                    line.put(CommitteeLevel.valueOf(rs.getString("level")), rs.getLong("committee_id"));
                }, branchId);
        return line;
    }

    private @Nullable Award find(long branchId, int year, CommitteeLevel level) {
        return jdbc.query(SELECT + "where m.branch_id = ? and m.study_year = ? and m.level = ?", ROW, branchId, year,
                level.name()).stream().findFirst().orElse(null);
    }
}
