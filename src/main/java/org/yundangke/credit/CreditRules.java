package org.yundangke.credit;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.UserError;
import org.yundangke.org.OrgDirectory;

/**
 * The award rules as data. A change is a new version effective from a day that has not begun yet (tomorrow at the
 * earliest), so what was awarded stays as it was; the version in force on an activity's day decides its award.
 */
@Service
@Transactional(readOnly = true)
public class CreditRules {


    private static final RowMapper<CreditRule> ROW = (rs, n) -> new CreditRule(rs.getString("code"),
            rs.getInt("version"), rs.getObject("effective_from", LocalDate.class),
            CreditKind.valueOf(rs.getString("kind")), rs.getBigDecimal("amount"),
            (Integer) rs.getObject("minutes"), rs.getBigDecimal("daily_cap"), rs.getBigDecimal("yearly_cap"),
            rs.getString("changed_by"), rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
            rs.getString("note"));

    private final JdbcTemplate jdbc;
    private final OrgDirectory directory;
    private final StudyCalendar calendar;

    CreditRules(JdbcTemplate jdbc, OrgDirectory directory, StudyCalendar calendar) {
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /** The version of a rule in force on a day. */
    public CreditRule inForce(String code, LocalDate day) {
        return jdbc.query("select * from credit_rule where code = ? and effective_from <= ?"
                + " order by effective_from desc, version desc limit 1", ROW, code, day).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no rule " + code + " in force on " + day));
    }

    /** Every rule as it stands today, and the changes already scheduled after today. */
    @PreAuthorize("isAuthenticated()")
    public List<CreditRule> current() {
        LocalDate today = calendar.today();
        // the same choice as inForce: the latest effective date, then the latest version
        return jdbc.query("select r.* from credit_rule r where r.effective_from > ? or r.version = (select o.version"
                + " from credit_rule o where o.code = r.code and o.effective_from <= ?"
                + " order by o.effective_from desc, o.version desc limit 1)"
                + " order by r.code, r.effective_from", ROW, today, today);
    }

    /** All versions of a rule, newest first. */
    @PreAuthorize("isAuthenticated()")
    public List<CreditRule> history(String code) {
        return jdbc.query("select * from credit_rule where code = ? order by version desc", ROW, code);
    }

    /**
     * Changes a rule from {@code effectiveFrom} on (tomorrow at the earliest: never back in time, not even today). Only the province's
     * administrators set the rules everybody is measured by.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public CreditRule change(String code, BigDecimal amount, @Nullable Integer minutes, @Nullable BigDecimal dailyCap,
                             @Nullable BigDecimal yearlyCap, LocalDate effectiveFrom, String note) {
        if (!directory.administersProvince()) {
            throw new UserError("credit.rule.province-only");
        }
        if (!effectiveFrom.isAfter(calendar.today())) {
            throw new UserError("credit.rule.retroactive"); // today has begun: awards were made under the old version
        }
        if (note.length() > 500) {
            throw new UserError("credit.rule.note-too-long");
        }
        if (amount.signum() < 0 || (dailyCap != null && dailyCap.signum() < 0)
                || (yearlyCap != null && yearlyCap.signum() < 0) || (minutes != null && minutes < 0)) {
            throw new UserError("credit.rule.negative");
        }
        CreditRule previous = history(code).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule " + code));
        int version = previous.version() + 1;
        jdbc.update("insert into credit_rule (code, version, effective_from, kind, amount, minutes, daily_cap,"
                + " yearly_cap, changed_by, changed_at, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", code, version,
                effectiveFrom, previous.kind().name(), amount, minutes, dailyCap, yearlyCap, CurrentUser.name(),
                Timestamp.from(calendar.now()), note.strip());
        return history(code).getFirst();
    }

    /** The yearly 学时 target in force at the end of a year (or today, for the current year). */
    public BigDecimal yearlyTarget(int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate today = calendar.today();
        return inForce(CreditRule.YEARLY_TARGET, end.isAfter(today) ? today : end).amount();
    }
}
