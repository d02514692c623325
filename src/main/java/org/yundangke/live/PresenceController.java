package org.yundangke.live;

import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Presence reports of the in-app live player: sent while the stream plays on a visible page. The body (the spans the
 * player played) is not needed: the server's clock decides which slot the report marks. 204 when counted, 409 outside
 * the live window.
 */
@RestController
class PresenceController {

    private final LiveAttendance attendance;

    PresenceController(LiveAttendance attendance) {
        this.attendance = attendance;
    }

    @PostMapping("/api/live/{sessionId}/presence")
    ResponseEntity<Void> present(@PathVariable UUID sessionId) {
        return attendance.present(sessionId) ? ResponseEntity.noContent().build()
                : ResponseEntity.status(409).build();
    }
}
