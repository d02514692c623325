package org.yundangke.base;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Wrong passwords slow the next try down and then block it for a while: per account, a growing wait after the second
 * wrong password in a row (2, 4, 8 s) and a block of {@link #BLOCK} after {@link #ACCOUNT_LIMIT}; per client
 * address (a community centre's members share one) a block after {@link #ADDRESS_LIMIT}. A right password clears the
 * account's count; counts older than the block are forgotten. Kept in the database, so every app node agrees.
 */
@Service
public class LoginThrottle {

    public static final int ACCOUNT_LIMIT = 5;
    static final int ADDRESS_LIMIT = 20;
    static final Duration BLOCK = Duration.ofMinutes(15);

    /** Why a login attempt is not even checked: blocked (wait in minutes) or too soon (wait in seconds). */
    public record Refusal(boolean blocked, long waitFor) {
    }

    private record Failures(int count, Instant last) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    @Autowired
    LoginThrottle(JdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC());
    }

    LoginThrottle(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether an attempt for this account from this address may be checked now. */
    public Optional<Refusal> check(String username, String address) {
        Instant now = clock.instant();
        Optional<Failures> account = recent(accountKey(username), now);
        Optional<Failures> from = recent(addressKey(address), now);
        for (Optional<Failures> f : List.of(account, from)) {
            int limit = f == account ? ACCOUNT_LIMIT : ADDRESS_LIMIT;
            if (f.isPresent() && f.get().count() >= limit) {
                long seconds = Duration.between(now, f.get().last().plus(BLOCK)).toSeconds();
                return Optional.of(new Refusal(true, Math.max(1, (seconds + 59) / 60)));
            }
        }
        if (account.isPresent() && account.get().count() >= 2) {
            Instant next = account.get().last().plusSeconds(1L << (account.get().count() - 1));
            if (next.isAfter(now)) {
                return Optional.of(new Refusal(false, Math.max(1, Duration.between(now, next).toSeconds())));
            }
        }
        return Optional.empty();
    }

    public void failed(String username, String address) {
        count(accountKey(username));
        count(addressKey(address));
    }

    public void succeeded(String username) {
        jdbc.update("delete from login_failure where subject = ?", accountKey(username));
    }

    private Optional<Failures> recent(String subject, Instant now) {
        return jdbc.query("select failures, last_failure_at from login_failure where subject = ?",
                (rs, n) -> new Failures(rs.getInt(1), rs.getObject(2, OffsetDateTime.class).toInstant()), subject)
                .stream().filter(f -> f.last().plus(BLOCK).isAfter(now)).findFirst();
    }

    private void count(String subject) {
        Instant now = clock.instant();
        Timestamp forgotten = Timestamp.from(now.minus(BLOCK));
        String update = "update login_failure set failures = case when last_failure_at < ? then 1 else failures + 1 end,"
                + " last_failure_at = ? where subject = ?";
        if (jdbc.update(update, forgotten, Timestamp.from(now), subject) == 0) {
            try {
                jdbc.update("insert into login_failure (subject, failures, last_failure_at) values (?, 1, ?)", subject,
                        Timestamp.from(now));
            } catch (DuplicateKeyException sameMomentElsewhere) {
                jdbc.update(update, forgotten, Timestamp.from(now), subject);
            }
        }
    }

    private static String accountKey(String username) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        return "user:" + name.substring(0, Math.min(name.length(), 100));
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }
}
