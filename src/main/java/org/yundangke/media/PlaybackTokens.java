package org.yundangke.media;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.yundangke.base.StudyCalendar;

/**
 * Short-lived, signed playback URLs: a token names the talk, the user and an expiry, signed with a key every app node
 * shares (kept in the database). A URL copied out of the page stops working when its token expires; the player asks
 * for a fresh token well before that.
 */
@Component
class PlaybackTokens {

    record Claims(UUID mediaId, String username, Instant expires) {
    }

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final JdbcTemplate jdbc;
    private final MediaProperties properties;
    private final StudyCalendar calendar;
    private volatile byte[] key;

    PlaybackTokens(JdbcTemplate jdbc, MediaProperties properties, StudyCalendar calendar) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.calendar = calendar;
    }

    String issue(UUID mediaId, String username) {
        long expires = calendar.now().plus(properties.playbackTokenTtl()).getEpochSecond();
        String payload = ENCODE.encodeToString((mediaId + "|" + username + "|" + expires).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODE.encodeToString(sign(payload));
    }

    /** The claims of a genuine, unexpired token; empty for anything else. */
    Optional<Claims> verify(String token) {
        int dot = token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(sign(payload), DECODE.decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts = new String(DECODE.decode(payload), StandardCharsets.UTF_8).split("\\|", 3);
            Claims claims = new Claims(UUID.fromString(parts[0]), parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2])));
            return claims.expires().isAfter(calendar.now()) ? Optional.of(claims) : Optional.empty();
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private byte[] key() {
        if (key == null) {
            key = HexFormat.of().parseHex(loadOrCreateSecret());
        }
        return key;
    }

    private String loadOrCreateSecret() {
        var existing = jdbc.queryForList("select secret from signing_key where name = 'playback'", String.class);
        if (!existing.isEmpty()) {
            return existing.getFirst();
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
            jdbc.update("insert into signing_key (name, secret) values ('playback', ?)", HexFormat.of().formatHex(secret));
        } catch (DataIntegrityViolationException anotherNodeWasFirst) {
            // fall through and read theirs
        }
        return jdbc.queryForObject("select secret from signing_key where name = 'playback'", String.class);
    }
}
