package org.yundangke.base;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wrong passwords slow the next try down and then block it for a while: per account, a growing wait after the second
 * wrong password in a row (2, 4, 8 s) and a block of {@link #BLOCK} after {@link #ACCOUNT_LIMIT}; per client
 * address (a community centre's members share one) a block after {@link #ADDRESS_LIMIT}. An attempt counts against
 * its account before the password is checked (under the row's lock, so a burst of parallel attempts gets no more
 * tries than a sequence); a right password clears the count. Counts older than the block are forgotten. Kept in the
 * database, so every app node agrees.
 */
@Service
public class LoginThrottle {

    public static final int ACCOUNT_LIMIT = 5;
    static final int ADDRESS_LIMIT = 30;
    static final Duration BLOCK = Duration.ofMinutes(15);

    /** Why a login attempt is not even checked: blocked (wait in minutes, for the account or the address) or too soon. */
    public record Refusal(Reason reason, long waitFor) {
    }

    public enum Reason { TOO_SOON, ACCOUNT_BLOCKED, ADDRESS_BLOCKED }

    private record Failures(int count, Instant last) {
    }

    private final JdbcTemplate jdbc;
    private final StudyCalendar calendar;

    LoginThrottle(JdbcTemplate jdbc, StudyCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** Lets an attempt for this account from this address be checked now (and counts it), or says why not. */
    @Transactional
    public Optional<Refusal> admit(String username, String address) {
        String account = accountKey(username);
        Instant now = calendar.now();
        Optional<Failures> from = recent(addressKey(address), now, false);
        if (from.isPresent() && from.get().count() >= ADDRESS_LIMIT) {
            return Optional.of(new Refusal(Reason.ADDRESS_BLOCKED, minutesLeft(from.get(), now)));
        }
        ensureRow(account, now);
        Optional<Failures> failures = recent(account, now, true); // locks the account's row until the count is in
        int count = failures.map(Failures::count).orElse(0);
        if (count >= ACCOUNT_LIMIT) {
            return Optional.of(new Refusal(Reason.ACCOUNT_BLOCKED, minutesLeft(failures.get(), now)));
        }
        if (count >= 2) {
            Instant next = failures.get().last().plusSeconds(1L << (count - 1));
            if (next.isAfter(now)) {
                return Optional.of(new Refusal(Reason.TOO_SOON,
                        Math.max(1, Duration.between(now, next).toSeconds())));
            }
        }
        jdbc.update("update login_failure set failures = ?, last_failure_at = ? where subject = ?", count + 1,
                Timestamp.from(now), account);
        return Optional.empty();
    }

    /** A wrong password: the account was counted on admission; the address is counted now. */
    @Transactional
    public void wrongPassword(String address) {
        String subject = addressKey(address);
        Instant now = calendar.now();
        ensureRow(subject, now);
        int count = recent(subject, now, true).map(Failures::count).orElse(0);
        jdbc.update("update login_failure set failures = ?, last_failure_at = ? where subject = ?", count + 1,
                Timestamp.from(now), subject);
    }

    public void succeeded(String username) {
        jdbc.update("delete from login_failure where subject = ?", accountKey(username));
    }

    private Optional<Failures> recent(String subject, Instant now, boolean lock) {
        return jdbc.query("select failures, last_failure_at from login_failure where subject = ?"
                        + (lock ? " for update" : ""),
                (rs, n) -> new Failures(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant()), subject)
                .stream().filter(f -> f.last().plus(BLOCK).isAfter(now)).findFirst();
    }

    /** The subject's row, made unless it is there (another attempt at the same moment may make it first). */
    private void ensureRow(String subject, Instant now) {
        jdbc.update("insert into login_failure (subject, failures, last_failure_at) values (?, 0, ?)"
                + " on conflict do nothing", subject, Timestamp.from(now));
    }

    private static long minutesLeft(Failures failures, Instant now) {
        return Math.max(1, (Duration.between(now, failures.last().plus(BLOCK)).toSeconds() + 59) / 60);
    }

    private static String accountKey(String username) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        return "user:" + name.substring(0, Math.min(name.length(), 100));
    }

    private static String addressKey(String address) {
        return "addr:" + address.substring(0, Math.min(address.length(), 100));
    }
}
