package org.yundangke.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One uploaded talk: its file, what the probe found, and how far transcoding has come. */
@Entity
class Media {

    @Id
    private UUID id;
    private String ownerUsername;
    private String title;
    private String originalFilename;
    private long sizeBytes;

    @Enumerated(EnumType.STRING)
    private MediaState state = MediaState.UPLOADING;

    @Enumerated(EnumType.STRING)
    private @Nullable MediaKind kind;

    private @Nullable Double durationSeconds;
    private @Nullable Integer width;
    private @Nullable Integer height;
    private int rotation;
    private @Nullable Double frameRate;
    private boolean hasAudio;
    private int audioChannels;
    private int progressPercent;
    private @Nullable String renditions;
    private boolean hasCaptions;
    private int attempts;

    @Column(length = 1000)
    private @Nullable String failureReason;

    private Instant createdAt;
    private Instant updatedAt;

    protected Media() {
        this.id = UUID.randomUUID();
        this.ownerUsername = "";
        this.title = "";
        this.originalFilename = "";
        this.createdAt = Instant.EPOCH; // JPA sets the stored one
        this.updatedAt = createdAt;
    }

    static final int MAX_FILENAME = 255;

    Media(String ownerUsername, String originalFilename, long sizeBytes, Instant now) {
        this();
        this.createdAt = now;
        this.updatedAt = now;
        this.ownerUsername = ownerUsername;
        this.originalFilename = originalFilename;
        this.title = titleFrom(originalFilename);
        this.sizeBytes = sizeBytes;
    }

    /** A live stream being received: played as it comes, transcoded as a talk once its recording is complete. */
    static Media live(String ownerUsername, String title, Instant now) {
        Media stream = new Media(ownerUsername, "live.ts", 0, now);
        stream.title = title.length() > 200 ? title.substring(0, 200) : title;
        stream.state = MediaState.LIVE;
        stream.kind = MediaKind.VIDEO;
        return stream;
    }

    /** The recording of a live stream, stored as the original: what the probe found, and queued for transcoding. */
    void recorded(ProbeResult probe, long sizeBytes, Instant now) {
        this.sizeBytes = sizeBytes;
        accepted(probe, now);
    }

    /** The name as stored: never empty, at most 255 characters with its extension kept (a phone may send any name). */
    static String fittedName(@Nullable String filename) {
        String name = filename == null || filename.isBlank() ? "talk" : filename.strip();
        if (name.length() <= MAX_FILENAME) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        int keep = MAX_FILENAME - extension.length();
        if (Character.isHighSurrogate(name.charAt(keep - 1))) {
            keep--; // never half a character
        }
        return name.substring(0, keep) + extension;
    }

    static String titleFrom(String filename) {
        int dot = filename.lastIndexOf('.');
        String base = dot > 0 ? filename.substring(0, dot) : filename;
        return base.length() > 200 ? base.substring(0, 200) : base;
    }

    void accepted(ProbeResult probe, Instant now) {
        this.kind = probe.kind();
        this.durationSeconds = probe.durationSeconds();
        this.width = probe.kind() == MediaKind.VIDEO ? probe.width() : null;
        this.height = probe.kind() == MediaKind.VIDEO ? probe.height() : null;
        this.rotation = probe.rotation();
        this.frameRate = probe.frameRate();
        this.hasAudio = probe.hasAudio();
        this.audioChannels = probe.audioChannels();
        queued(now);
    }

    void queued(Instant now) {
        this.state = MediaState.QUEUED;
        this.progressPercent = 0;
        this.updatedAt = now;
    }

    void transcoding(int percent, Instant now) {
        this.state = MediaState.TRANSCODING;
        this.progressPercent = Math.clamp(percent, 0, 100);
        this.updatedAt = now;
    }

    void ready(String renditions, Instant now) {
        this.state = MediaState.READY;
        this.progressPercent = 100;
        this.renditions = renditions;
        this.failureReason = null;
        this.updatedAt = now;
    }

    /** Records a failed attempt; the talk shows as failed once no attempts are left. */
    void attemptFailed(String reason, int maxAttempts, Instant now) {
        this.attempts++;
        this.failureReason = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        this.state = attempts >= maxAttempts ? MediaState.FAILED : MediaState.QUEUED;
        this.updatedAt = now;
    }

    /** The uploader asked to try again: a fresh set of attempts. */
    void retry(Instant now) {
        this.attempts = 0;
        this.failureReason = null;
        queued(now);
    }

    UUID getId() {
        return id;
    }

    String getOwnerUsername() {
        return ownerUsername;
    }

    MediaState getState() {
        return state;
    }

    @Nullable MediaKind getKind() {
        return kind;
    }

    @Nullable Double getDurationSeconds() {
        return durationSeconds;
    }

    int getAttempts() {
        return attempts;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    /** What the probe found when the upload was accepted, so the transcode need not probe again. */
    ProbeResult probeResult() {
        if (kind == null || durationSeconds == null) {
            throw new IllegalStateException("talk " + id + " was never probed");
        }
        return new ProbeResult(kind, durationSeconds, width == null ? 0 : width, height == null ? 0 : height, rotation,
                frameRate == null ? 0 : frameRate, hasAudio, audioChannels);
    }

    /** Object names under the media bucket: everything of one talk shares one prefix. */
    void captionsAdded(Instant now) {
        hasCaptions = true;
        this.updatedAt = now;
    }

    boolean hasCaptions() {
        return hasCaptions;
    }

    String prefix() {
        return "media/" + id + "/";
    }

    String originalObject() {
        return prefix() + "original";
    }

    MediaInfo toInfo() {
        return new MediaInfo(id, ownerUsername, title, originalFilename, sizeBytes, state, kind, durationSeconds,
                width, height, progressPercent, renditions, failureReason, createdAt, hasCaptions);
    }
}
