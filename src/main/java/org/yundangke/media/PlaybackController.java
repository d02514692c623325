package org.yundangke.media;

import io.minio.GetObjectResponse;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpRange;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Streams a talk's playlists, segments and poster out of the private bucket, for a logged-in user holding a valid
 * token for that talk (the token sits in the path, so relative playlist entries keep it). Honours one byte range
 * (Spring's {@link HttpRange}); a range it cannot satisfy is answered 416, a missing file 404, a refusal 403.
 * The original upload and anything outside the talk's renditions cannot be named.
 */
@RestController
class PlaybackController {

    private static final Logger log = LoggerFactory.getLogger(PlaybackController.class);

    /**
     * {@code hls/master.m3u8}, {@code hls/720/index.m3u8}, {@code hls/720/seg_00001.ts}, {@code poster.jpg},
     * {@code captions.vtt}
     */
    static final Pattern PLAYABLE = Pattern.compile(
            "(hls/([A-Za-z0-9]+/)?[A-Za-z0-9_]+\\.(m3u8|ts))|poster\\.jpg|" + Pattern.quote(MediaLibrary.CAPTIONS));

    private final PlaybackTokens tokens;
    private final MediaObjects objects;
    private final LiveSegmentCache liveSegments;

    PlaybackController(PlaybackTokens tokens, MediaObjects objects, LiveSegmentCache liveSegments) {
        this.tokens = tokens;
        this.objects = objects;
        this.liveSegments = liveSegments;
    }

    @GetMapping("/play/{token}/{mediaId}/**")
    void play(@PathVariable String token, @PathVariable UUID mediaId, HttpServletRequest request,
              HttpServletResponse response, Principal user) throws IOException {
        String prefix = "/play/" + token + "/" + mediaId + "/";
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String file = path.startsWith(prefix) ? path.substring(prefix.length()) : "";
        boolean allowed = PLAYABLE.matcher(file).matches() && tokens.verify(token)
                .filter(c -> c.mediaId().equals(mediaId) && user != null && c.username().equals(user.getName()))
                .isPresent();
        if (!allowed) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String object = "media/" + mediaId + "/" + file;
        StatObjectResponse stat;
        try {
            if (request.getHeader("Range") == null && LiveSegmentCache.isLiveSegment(object)
                    && sendLive(object, file, response)) {
                return;
            }
            if (request.getHeader("Range") == null && LiveSegmentCache.isLivePlaylist(object)) {
                byte[] playlist = liveSegments.playlist(object);
                response.setContentType(TranscodeJob.contentType(file));
                response.setContentLength(playlist.length);
                response.setHeader("Cache-Control", "private, no-cache");
                response.getOutputStream().write(playlist);
                return;
            }
            stat = objects.stat(object);
        } catch (MediaObjects.ObjectStoreException e) {
            if (e.getCause() instanceof ErrorResponseException answer && "NoSuchKey".equals(answer.errorResponse().code())) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
            } else {
                log.warn("Object store unavailable while playing {}: {}", object, String.valueOf(e.getCause()));
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            }
            return;
        }
        send(object, stat.size(), file, request.getHeader("Range"), response);
    }

    /** A live segment from memory (every viewer of a live talk asks for the same ones); false when not kept. */
    private boolean sendLive(String object, String file, HttpServletResponse response) throws IOException {
        byte[] live = liveSegments.get(object);
        if (live == null) {
            return false;
        }
        response.setContentType(TranscodeJob.contentType(file));
        response.setContentLength(live.length);
        response.setHeader("Cache-Control", "private, max-age=86400");
        response.getOutputStream().write(live);
        return true;
    }

    private void send(String object, long size, String file, String range, HttpServletResponse response)
            throws IOException {
        long start = 0;
        long end = size - 1;
        if (range != null) {
            List<HttpRange> ranges;
            try {
                ranges = HttpRange.parseRanges(range);
                if (ranges.size() != 1) {
                    throw new IllegalArgumentException("one range at a time");
                }
                start = ranges.getFirst().getRangeStart(size);
                end = ranges.getFirst().getRangeEnd(size);
                if (start >= size || start > end) {
                    throw new IllegalArgumentException("outside the file");
                }
            } catch (IllegalArgumentException unsatisfiable) {
                response.setHeader("Content-Range", "bytes */" + size);
                response.sendError(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
                return;
            }
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        long length = end - start + 1;
        response.setContentType(TranscodeJob.contentType(file));
        response.setContentLengthLong(length);
        response.setHeader("Accept-Ranges", "bytes");
        // playlists change on re-transcode; segments never do
        response.setHeader("Cache-Control", file.endsWith(".ts") ? "private, max-age=86400" : "private, no-cache");
        try (GetObjectResponse in = objects.read(object, start, length); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
