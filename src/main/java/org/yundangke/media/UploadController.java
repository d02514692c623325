package org.yundangke.media;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yundangke.base.ApiAnswers;

/**
 * The browser's side of resumable uploads ({@code frontend/upload/ydk-upload.js}): start or resume, send parts,
 * complete, cancel. Errors come back as {@code {reason, message}} with the message in the uploader's language
 * ({@link ApiAnswers}).
 */
@RestController
@RequestMapping("/api/uploads")
@PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
class UploadController {

    private final Uploads uploads;
    private final ApiAnswers answers;
    private final MediaProperties properties;

    UploadController(Uploads uploads, ApiAnswers answers, MediaProperties properties) {
        this.uploads = uploads;
        this.answers = answers;
        this.properties = properties;
    }

    record StartRequest(String filename, long size, long lastModified) {
    }

    @PostMapping
    Uploads.UploadStatus start(@RequestBody StartRequest request, Principal user) {
        return uploads.start(user.getName(), request.filename(), request.size(), request.lastModified());
    }

    @GetMapping("/{id}")
    Uploads.UploadStatus status(@PathVariable UUID id, Principal user) {
        return uploads.status(id, user.getName());
    }

    @PutMapping("/{id}/parts/{partNumber}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void part(@PathVariable UUID id, @PathVariable int partNumber, HttpServletRequest request, Principal user)
            throws IOException, InterruptedException {
        uploads.receivePart(id, user.getName(), partNumber, request.getInputStream());
    }

    @PostMapping("/{id}/complete")
    MediaInfo complete(@PathVariable UUID id, Principal user) {
        return uploads.complete(id, user.getName());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void cancel(@PathVariable UUID id, Principal user) {
        uploads.cancel(id, user.getName());
    }

    @ExceptionHandler(MediaRejectedException.class)
    ResponseEntity<Map<String, String>> rejected(MediaRejectedException e,
                                                 HttpServletRequest request) {
        // only the limit messages take a parameter (MessageFormat would eat the apostrophes of the others)
        Object[] limit = switch (e.reason()) {
            case TOO_LARGE -> new Object[]{properties.maxUploadSize().toMegabytes() >= 1024
                    ? properties.maxUploadSize().toGigabytes() + " GB" : properties.maxUploadSize().toMegabytes() + " MB"};
            case TOO_LONG -> new Object[]{properties.maxDuration().toMinutes() + " min"};
            default -> new Object[0];
        };
        HttpStatus status = e.reason() == Rejection.TOO_LARGE ? HttpStatus.CONTENT_TOO_LARGE
                : HttpStatus.UNPROCESSABLE_CONTENT;
        return error(status, e.reason().name(), e.reason().messageKey(), request, limit);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badPart(IllegalArgumentException e,
                                                HttpServletRequest request) {
        return error(HttpStatus.BAD_REQUEST, "BAD_PART", "media.upload.bad-part", request);
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, String>> notReady(IllegalStateException e,
                                                 HttpServletRequest request) {
        return error(HttpStatus.CONFLICT, "NOT_READY", "media.upload.incomplete", request);
    }

    @ExceptionHandler(PartBuffers.BusyException.class)
    ResponseEntity<Map<String, String>> busy(PartBuffers.BusyException e, HttpServletRequest request) {
        // 503: the browser script waits and sends the part again
        return error(HttpStatus.SERVICE_UNAVAILABLE, "BUSY", "media.upload.busy", request);
    }

    @ExceptionHandler(MediaObjects.ObjectStoreException.class)
    ResponseEntity<Map<String, String>> storeDown(MediaObjects.ObjectStoreException e,
                                                  HttpServletRequest request) {
        return error(HttpStatus.SERVICE_UNAVAILABLE, "STORE_UNAVAILABLE", "media.upload.store-unavailable", request);
    }

    private ResponseEntity<Map<String, String>> error(HttpStatus status, String reason, String key,
                                                      HttpServletRequest request, Object... args) {
        return answers.of(status, reason, key, request, args);
    }
}
