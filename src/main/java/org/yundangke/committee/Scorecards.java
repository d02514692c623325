package org.yundangke.committee;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.UserError;
import org.yundangke.org.OrgDirectory;

/**
 * The "六有一提升" indicators as data: the set in force on a day, each indicator's history, and revisions by the
 * province's administrators from a later day on (never back in time), as credit rules are changed.
 */
@Service
@Transactional(readOnly = true)
public class Scorecards {

    private static final RowMapper<Indicator> ROW = (rs, n) -> new Indicator(rs.getString("code"),
            rs.getInt("version"), rs.getObject("effective_from", LocalDate.class),
            Indicator.Aspect.valueOf(rs.getString("aspect")), rs.getInt("position"), rs.getString("title"),
            rs.getString("description"), rs.getBigDecimal("weight"), Indicator.Measure.valueOf(rs.getString("measure")),
            rs.getBigDecimal("target"), rs.getString("changed_by"), rs.getString("note"));

    private final JdbcTemplate jdbc;
    private final OrgDirectory directory;
    private final StudyCalendar calendar;

    Scorecards(JdbcTemplate jdbc, OrgDirectory directory, StudyCalendar calendar) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.calendar = calendar;
    }

    /**
     * The day whose indicators judge a quarter: its last day, or today while it runs.
     *
     * @throws IllegalArgumentException for a quarter outside 1 to 4
     */
    LocalDate judgedOn(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter " + quarter);
        }
        LocalDate end = LocalDate.of(year, 3 * quarter, 1).plusMonths(1).minusDays(1);
        return end.isBefore(calendar.today()) ? end : calendar.today();
    }

    /** Every indicator as in force on {@code day}, by aspect and position. */
    @PreAuthorize("isAuthenticated()")
    public List<Indicator> inForce(LocalDate day) {
        return jdbc.query("select i.* from scorecard_indicator i where i.effective_from <= ? and i.version = (select"
                + " max(o.version) from scorecard_indicator o where o.code = i.code and o.effective_from <= ?)"
                + " order by case i.aspect when 'ORGANISATION' then 1 when 'LEADERSHIP' then 2 when 'ACTIVITIES' then 3"
                + " when 'ROLE' then 4 when 'RULES' then 5 else 6 end, i.position", ROW, day, day);
    }

    /** All versions of an indicator, newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<Indicator> history(String code) {
        return jdbc.query("select * from scorecard_indicator where code = ? order by version desc", ROW, code);
    }

    /**
     * A new version of an indicator from {@code effectiveFrom} on (tomorrow at the earliest): its description, weight
     * and, for a measured one, its target. Only the province's administrators set the standard every branch is
     * judged by.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Indicator revise(String code, String description, BigDecimal weight, @Nullable BigDecimal target,
                            LocalDate effectiveFrom, String note) {
        if (!directory.administersProvince()) {
            throw new UserError("scorecard.province-only");
        }
        if (!effectiveFrom.isAfter(calendar.today())) {
            throw new UserError("scorecard.retroactive");
        }
        if (description.isBlank() || description.length() > 1000 || note.length() > 500) {
            throw new UserError("scorecard.description");
        }
        if (weight.signum() < 0 || weight.compareTo(BigDecimal.valueOf(100)) > 0
                || (target != null && target.signum() <= 0)) {
            throw new UserError("scorecard.weight");
        }
        Indicator previous = history(code).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no indicator " + code));
        jdbc.update("insert into scorecard_indicator (code, version, effective_from, aspect, position, title,"
                + " description, weight, measure, target, changed_by, changed_at, note) values"
                + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", code, previous.version() + 1, effectiveFrom,
                previous.aspect().name(), previous.position(), previous.title(), description.strip(), weight,
                previous.measure().name(), previous.measured() ? target : null, CurrentUser.name(),
                Timestamp.from(calendar.now()), note.strip());
        return history(code).getFirst();
    }
}
