package org.yundangke.live;

import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The calendar files: a member's feed (no login: calendar apps cannot log in, the token is the key; an unknown token
 * is answered 404 like a page that does not exist) and one session's .ics for a logged-in member.
 */
@RestController
class CalendarController {

    static final MediaType CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final LiveCalendar calendar;

    CalendarController(LiveCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/calendar/feed/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        return calendar.feed(token, appUrl()).map(body -> ResponseEntity.ok().contentType(CALENDAR)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache").body(body))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/calendar/session/{sessionId}.ics")
    ResponseEntity<String> session(@PathVariable UUID sessionId) {
        return ResponseEntity.ok().contentType(CALENDAR).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("live-" + sessionId + ".ics").build().toString())
                .body(calendar.ics(sessionId, appUrl()));
    }

    static String appUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
