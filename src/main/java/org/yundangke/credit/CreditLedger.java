package org.yundangke.credit;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
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
 * The append-only ledger. {@link #award} writes an award at most once (its idempotency key: member, rule, source and,
 * for a rule with a daily cap, the day), cut to what the rule's caps leave and recorded as capped, 0 if need be, so
 * the member can see why. Awards for one member and year are serialised on their yearly total row, which is kept up
 * to date with every entry. {@link #correct} reverses an entry with a reason; nothing is ever updated or deleted.
 */
@Service
public class CreditLedger {

    /**
     * What an event or an approval earns under one rule; {@code units} multiplies the rule's amount; {@code activity}
     * says which kind of 记实 an EVIDENCE award came from.
     */
    record Award(long memberId, String ruleCode, CreditSource source, String sourceId, LocalDate day, String title,
                 String recordedBy, BigDecimal units, @Nullable EvidenceActivity activity) {

        Award(long memberId, String ruleCode, CreditSource source, String sourceId, LocalDate day, String title,
              String recordedBy, BigDecimal units) {
            this(memberId, ruleCode, source, sourceId, day, title, recordedBy, units, null);
        }
    }

    static final String DAILY_CAP = "DAILY_CAP";
    /** The key of the correction reversing entry {@code e}: found through the unique key index, no other index. */
    static final String REVERSAL_KEY = "'reverse:' || e.id";
    static final String YEARLY_CAP = "YEARLY_CAP";

    private static final RowMapper<LedgerEntry> ROW = (rs, n) -> new LedgerEntry(rs.getLong("id"),
            rs.getLong("member_id"), rs.getInt("study_year"), CreditKind.valueOf(rs.getString("kind")),
            rs.getBigDecimal("amount"), rs.getString("rule_code"), rs.getInt("rule_version"),
            CreditSource.valueOf(rs.getString("source")), rs.getString("source_id"), rs.getString("capped_reason"),
            (Long) rs.getObject("reverses_id", Long.class), rs.getString("note"), rs.getString("title"),
            rs.getString("recorded_by"), rs.getObject("occurred_on", LocalDate.class),
            rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
            rs.getString("evidence_activity") == null ? null : EvidenceActivity.valueOf(rs.getString("evidence_activity")));

    private final JdbcTemplate jdbc;
    private final CreditRules rules;
    private final OrgDirectory directory;
    private final StudyCalendar calendar;
    private final MeterRegistry meters;

    CreditLedger(JdbcTemplate jdbc, CreditRules rules, OrgDirectory directory, StudyCalendar calendar,
                 MeterRegistry meters) {
        this.meters = meters;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.rules = rules;
        this.directory = directory;
    }

    /** Writes the award unless its key is in the ledger already; returns the entry either way. */
    @Transactional
    LedgerEntry award(Award award) {
        CreditRule rule = rules.inForce(award.ruleCode(), award.day());
        String key = award.memberId() + ":" + award.ruleCode() + ":" + award.source() + ":" + award.sourceId()
                + (rule.dailyCap() != null ? ":" + award.day() : "");
        int year = award.day().getYear();
        Optional<LedgerEntry> done = byKey(key);
        if (done.isPresent()) {
            return done.get();
        }
        lockYear(award.memberId(), year);
        Optional<LedgerEntry> meanwhile = byKey(key); // another delivery of the same event got here first
        if (meanwhile.isPresent()) {
            return meanwhile.get();
        }
        BigDecimal full = rule.amount().multiply(award.units());
        BigDecimal amount = full;
        String capped = null;
        if (rule.dailyCap() != null) {
            BigDecimal left = rule.dailyCap().subtract(sum("occurred_on = ?", award.memberId(), rule.code(),
                    award.day()));
            if (left.compareTo(amount) < 0) {
                amount = left.max(BigDecimal.ZERO);
                capped = DAILY_CAP;
            }
        }
        if (rule.yearlyCap() != null) {
            BigDecimal left = rule.yearlyCap().subtract(sum("study_year = ?", award.memberId(), rule.code(), year));
            if (left.compareTo(amount) < 0) {
                amount = left.max(BigDecimal.ZERO);
                capped = YEARLY_CAP;
            }
        }
        meters.counter("yundangke.ledger.awards", "source", award.source().name()).increment();
        return insert(award.memberId(), year, rule, amount, award.source(), award.sourceId(), key, capped, null,
                null, award.title(), award.recordedBy(), award.day(), award.activity());
    }

    /**
     * Reverses an entry: a new entry of the opposite amount with the reason and the corrector's name. A secretary
     * corrects members of the branches they lead, an admin those of their area; an entry is reversed once.
     */
    @PreAuthorize("hasAnyRole('SECRETARY', 'ADMIN')")
    @Transactional
    public LedgerEntry correct(long entryId, String reason) {
        LedgerEntry entry = jdbc.query("select * from credit_entry where id = ?", ROW, entryId).stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no entry " + entryId));
        directory.requireMemberInScope(entry.memberId());
        if (reason.isBlank() || reason.length() > 500) {
            throw new UserError("credit.correct.reason");
        }
        if (entry.reversesId() != null) {
            throw new UserError("credit.correct.correction");
        }
        String key = "reverse:" + entryId; // REVERSAL_KEY in SQL
        Optional<LedgerEntry> done = byKey(key);
        if (done.isPresent()) {
            throw new UserError("credit.correct.twice");
        }
        CreditRule rule = rules.history(entry.ruleCode()).stream().filter(r -> r.version() == entry.ruleVersion())
                .findFirst().orElseThrow();
        LocalDate today = calendar.today();
        try {
            lockYear(entry.memberId(), entry.year());
            return insert(entry.memberId(), entry.year(), rule, entry.amount().negate(), CreditSource.MANUAL,
                    String.valueOf(entryId), key, null, entryId, reason.strip(), entry.title(), CurrentUser.name(),
                    entry.year() == today.getYear() ? today : entry.occurredOn(), entry.activity());
        } catch (DuplicateKeyException correctedAMomentAgo) {
            throw new UserError("credit.correct.twice");
        }
    }

    /** A member's entries of a year, newest first: the caller's own, or a member in the caller's scope. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<LedgerEntry> entries(long memberId, int year) {
        directory.requireMemberInScope(memberId);
        return jdbc.query("select * from credit_entry where member_id = ? and study_year = ?"
                + " order by occurred_on desc, id desc", ROW, memberId, year);
    }

    private LedgerEntry insert(long memberId, int year, CreditRule rule, BigDecimal amount, CreditSource source,
                               String sourceId, String key, @Nullable String capped, @Nullable Long reverses,
                               @Nullable String note, String title, String recordedBy, LocalDate day,
                               @Nullable EvidenceActivity activity) {
        jdbc.update("insert into credit_entry (member_id, study_year, kind, amount, rule_code, rule_version, source,"
                + " source_id, idem_key, capped_reason, reverses_id, note, title, recorded_by, occurred_on, recorded_at,"
                + " evidence_activity) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", memberId, year,
                rule.kind().name(), amount, rule.code(), rule.version(), source.name(), sourceId, key, capped, reverses,
                note, title.length() > 200 ? title.substring(0, 200) : title, recordedBy, day,
                Timestamp.from(calendar.now()), activity == null ? null : activity.name());
        String column = rule.kind() == CreditKind.STUDY_HOURS ? "study_hours" : "points";
        jdbc.update("update credit_year_total set " + column + " = " + column + " + ? where member_id = ?"
                + " and study_year = ?", amount, memberId, year);
        int month = day.getMonthValue();
        jdbc.update("insert into credit_month_total (member_id, study_year, study_month) values (?, ?, ?)"
                + " on conflict do nothing", memberId, year, month);
        jdbc.update("update credit_month_total set " + column + " = " + column + " + ? where member_id = ?"
                + " and study_year = ? and study_month = ?", amount, memberId, year, month);
        return byKey(key).orElseThrow();
    }

    private BigDecimal sum(String period, long memberId, String ruleCode, Object value) {
        // corrections and the entries they reverse leave the caps alone: a correction dated today must not free today
        BigDecimal used = jdbc.queryForObject("select coalesce(sum(e.amount), 0) from credit_entry e where e.member_id = ?"
                + " and e.rule_code = ? and e.reverses_id is null and e." + period + " and not exists"
                + " (select 1 from credit_entry r where r.idem_key = " + REVERSAL_KEY + ")", BigDecimal.class, memberId,
                ruleCode, value);
        return used == null ? BigDecimal.ZERO : used;
    }

    /** Whether the member was awarded anything for this source (in any year), not taken back by a correction. */
    boolean awarded(long memberId, CreditSource source, String sourceId) {
        Integer found = jdbc.queryForObject("select count(*) from credit_entry e where e.member_id = ? and e.source = ?"
                + " and (e.source_id = ? or e.source_id like ?) and e.reverses_id is null and not exists"
                + " (select 1 from credit_entry r where r.idem_key = " + REVERSAL_KEY + ")", Integer.class, memberId,
                source.name(), sourceId, sourceId + "@%");
        return found != null && found > 0;
    }

    private Optional<LedgerEntry> byKey(String key) {
        return jdbc.query("select * from credit_entry where idem_key = ?", ROW, key).stream().findFirst();
    }

    /**
     * Serialises the member's awards of a year (the caps read what earlier awards wrote, the totals are read and added
     * to) by locking their total row for the year, a row the ledger owns, made first if need be. Every cap and total
     * is within one year, so awards of different years need not wait for each other.
     */
    private void lockYear(long memberId, int year) {
        jdbc.update("insert into credit_year_total (member_id, study_year) values (?, ?) on conflict do nothing",
                memberId, year);
        jdbc.queryForList("select member_id from credit_year_total where member_id = ? and study_year = ? for update",
                memberId, year);
    }
}
