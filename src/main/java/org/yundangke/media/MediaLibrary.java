package org.yundangke.media;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.jobrunr.scheduling.JobScheduler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yundangke.base.CurrentUser;
import org.yundangke.base.StudyCalendar;
import org.yundangke.base.storage.ObjectBytes;
import org.yundangke.base.storage.ObjectStoreProperties;

/**
 * The uploaded talks as lecturers and admins manage them: a lecturer sees and changes their own, an admin all. Also
 * hands out playback sources: to the uploader and admins, and to whoever a {@link PlaybackPermission} (the
 * catalogue's lesson audiences) lets watch.
 */
@Service
public class MediaLibrary {

    /**
     * What a player needs: the master playlist and poster URLs (both expire), the token inside them, and the
     * audio-only rendition's playlist relative to the master (null when the talk has none).
     */
    public record PlaybackSource(UUID mediaId, MediaKind kind, String masterUrl, String posterUrl, String token,
                                 @Nullable String audioOnlyPlaylist, @Nullable String captionsUrl) {
    }

    /** A talk's captions sit beside its renditions under this name. */
    static final String CAPTIONS = "captions.vtt";
    public static final int MAX_CAPTIONS_BYTES = 2 * 1024 * 1024;

    private final MediaRepository media;
    private final UploadSessionRepository sessions;
    private final MediaObjects objects;
    private final PlaybackTokens tokens;
    private final JobScheduler jobs;
    private final TransactionTemplate transaction;
    private final List<PlaybackPermission> permissions;
    private final ObjectBytes bytes;
    private final MediaProperties properties;
    private final StudyCalendar calendar;
    private final String bucket;

    MediaLibrary(MediaRepository media, UploadSessionRepository sessions, MediaObjects objects, PlaybackTokens tokens,
                 JobScheduler jobs, TransactionTemplate transaction, List<PlaybackPermission> permissions,
                 ObjectBytes bytes, ObjectStoreProperties store, MediaProperties properties,
                 StudyCalendar calendar) {
        this.calendar = calendar;
        this.permissions = permissions;
        this.properties = properties;
        this.bytes = bytes;
        this.bucket = store.mediaBucket();
        this.media = media;
        this.sessions = sessions;
        this.objects = objects;
        this.tokens = tokens;
        this.jobs = jobs;
        this.transaction = transaction;
    }

    /** Newest first; unfinished uploads are left out (they show in the uploader's progress bar). */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    public Page<MediaInfo> list(Pageable page) {
        Page<Media> found = CurrentUser.isAdmin() ? media.findByStateNot(MediaState.UPLOADING, page)
                : media.findByOwnerUsernameAndStateNot(CurrentUser.name(), MediaState.UPLOADING, page);
        return found.map(Media::toInfo);
    }

    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    public MediaInfo get(UUID mediaId) {
        return manageable(mediaId).toInfo();
    }

    /** A failed talk gets a fresh set of attempts. */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    public void retry(UUID mediaId) {
        manageable(mediaId);
        transaction.executeWithoutResult(tx -> media.findById(mediaId).orElseThrow().retry(calendar.now()));
        TranscodeJob.enqueue(jobs, properties, mediaId);
    }

    /** Deletes the talk and every object of it: original, playlists, segments, poster. */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    public void delete(UUID mediaId) {
        erase(manageable(mediaId));
    }

    @PreAuthorize("isAuthenticated()")
    public PlaybackSource play(UUID mediaId) {
        Media talk = media.findById(mediaId).orElseThrow(() -> new AccessDeniedException("no talk " + mediaId));
        boolean granted = mayManage(talk) || permissions.stream().anyMatch(p -> p.mayPlay(mediaId));
        if (!granted || (talk.getState() != MediaState.READY && talk.getState() != MediaState.LIVE)) {
            throw new AccessDeniedException(CurrentUser.name() + " may not play " + mediaId);
        }
        String token = tokens.issue(mediaId, CurrentUser.name());
        String base = "/play/" + token + "/" + mediaId + "/";
        String renditions = talk.toInfo().renditions();
        String audioOnly = renditions == null ? null : java.util.Arrays.stream(renditions.split(","))
                .filter(r -> r.startsWith("audio")).reduce((first, last) -> last).map(r -> r + "/index.m3u8").orElse(null);
        return new PlaybackSource(mediaId, talk.getKind(), base + "hls/" + Ladder.MASTER,
                talk.getState() == MediaState.LIVE ? "" : base + Ladder.POSTER, token,
                audioOnly, talk.hasCaptions() ? base + CAPTIONS : null);
    }

    /**
     * Adds (or replaces) the talk's captions: a WebVTT file in UTF-8, as lecturers export them from subtitle tools.
     * Anything else is refused with a message that says what to export instead; nothing is stored then.
     */
    @PreAuthorize("hasAnyRole('LECTURER', 'ADMIN')")
    public void attachCaptions(UUID mediaId, byte[] file) {
        Media talk = manageable(mediaId);
        byte[] vtt = WebVtt.checked(file, MAX_CAPTIONS_BYTES);
        bytes.put(bucket, talk.prefix() + CAPTIONS, vtt, "text/vtt; charset=utf-8");
        transaction.executeWithoutResult(tx -> media.findById(mediaId).orElseThrow().captionsAdded(calendar.now()));
    }

    /** A fresh token for a player that keeps playing past the old one's expiry. */
    @PreAuthorize("isAuthenticated()")
    public String renewToken(UUID mediaId) {
        return play(mediaId).token();
    }

    static boolean mayManage(Media talk) {
        return talk.getOwnerUsername().equals(CurrentUser.name()) || CurrentUser.isAdmin();
    }

    void erase(Media talk) {
        sessions.findById(talk.getId()).ifPresent(s -> objects.abortMultipart(talk.originalObject(), s.getS3UploadId()));
        objects.deleteAll(talk.prefix());
        transaction.executeWithoutResult(tx -> {
            sessions.deleteById(talk.getId());
            media.deleteById(talk.getId());
        });
    }

    private Media manageable(UUID mediaId) {
        Media talk = media.findById(mediaId).orElseThrow(() -> new AccessDeniedException("no talk " + mediaId));
        if (!mayManage(talk)) {
            throw new AccessDeniedException(CurrentUser.name() + " may not manage " + mediaId);
        }
        return talk;
    }

}
