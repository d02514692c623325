package org.yundangke.base;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.util.DisconnectedClientHelper;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * One answer for every failure of the app's HTTP endpoints (the player's reports, uploads, pictures): the status that
 * says what happened (400 bad input, 403 refused, 404 missing, 413 too large, 500 our fault) and a short JSON body
 * {@code {reason, message}} with the message in the caller's language; never a stack trace. Controllers with their
 * own handlers (uploads) answer first.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final ApiAnswers answers;

    ApiErrors(ApiAnswers answers) {
        this.answers = answers;
    }

    @ExceptionHandler(UserError.class)
    ResponseEntity<Map<String, String>> userError(UserError e, HttpServletRequest request) {
        return answer(HttpStatus.BAD_REQUEST, e.messageKey(), request, e.args());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, ServletRequestBindingException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, String>> malformed(Exception e, HttpServletRequest request) {
        log.debug("Malformed request to {}: {}", request.getRequestURI(), e.getMessage());
        return answer(HttpStatus.BAD_REQUEST, "error.request.malformed", request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> refused(AccessDeniedException e, HttpServletRequest request) {
        log.warn("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return answer(HttpStatus.FORBIDDEN, "error.access-denied", request);
    }

    /**
     * Spring's own refusals keep their status (404 a missing file, 405, 413, 415…); a client that went away (hls.js
     * cancels a segment on every seek) gets nothing; anything else is a bug, logged.
     */
    @ExceptionHandler(Exception.class)
    @Nullable ResponseEntity<Map<String, String>> unexpected(Exception e, HttpServletRequest request,
                                                             HttpServletResponse response) {
        if (e instanceof ErrorResponse refusal) {
            HttpStatusCode status = refusal.getStatusCode();
            return answer(status, switch (status.value()) {
                case 404 -> "error.request.not-found";
                case 413 -> "error.request.too-large";
                case 503 -> "error.busy";
                default -> status.is4xxClientError() ? "error.request.malformed" : "error.unexpected";
            }, request);
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(e) || response.isCommitted()) {
            log.debug("Client gone during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return null;
        }
        log.error("Unexpected error in {} {}", request.getMethod(), request.getRequestURI(), e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected", request);
    }

    private ResponseEntity<Map<String, String>> answer(HttpStatusCode status, String key, HttpServletRequest request,
                                                       Object... args) {
        return answers.of(status, key, key, request, args);
    }
}
