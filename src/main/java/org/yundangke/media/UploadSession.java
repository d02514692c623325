package org.yundangke.media;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A resumable upload: which S3 multipart upload it writes to and which parts have arrived (part → ETag). */
@Entity
@Table(name = "upload_session")
class UploadSession {

    @Id
    private UUID mediaId;
    private String fingerprint;
    private String s3UploadId;
    private int chunkSize;
    private int totalParts;
    private Instant createdAt;
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "upload_part", joinColumns = @JoinColumn(name = "media_id"))
    @MapKeyColumn(name = "part_number")
    @Column(name = "etag")
    private Map<Integer, String> parts = new HashMap<>();

    protected UploadSession() {
        this.mediaId = UUID.randomUUID();
        this.fingerprint = "";
        this.s3UploadId = "";
        this.createdAt = Instant.EPOCH; // JPA sets the stored one
        this.updatedAt = createdAt;
    }

    UploadSession(UUID mediaId, String fingerprint, String s3UploadId, int chunkSize, long sizeBytes, Instant now) {
        this();
        this.createdAt = now;
        this.updatedAt = now;
        this.mediaId = mediaId;
        this.fingerprint = fingerprint;
        this.s3UploadId = s3UploadId;
        this.chunkSize = chunkSize;
        this.totalParts = (int) Math.max(1, (sizeBytes + chunkSize - 1) / chunkSize);
    }

    /** The exact size part {@code n} must have: full chunks, the rest in the last one. */
    long expectedSize(int partNumber, long fileSize) {
        return partNumber < totalParts ? chunkSize : fileSize - (long) chunkSize * (totalParts - 1);
    }

    void partArrived(int partNumber, String etag, Instant now) {
        parts.put(partNumber, etag);
        updatedAt = now;
    }

    List<Integer> receivedParts() {
        return parts.keySet().stream().sorted().toList();
    }

    boolean complete() {
        return parts.size() == totalParts;
    }

    Map<Integer, String> parts() {
        return Map.copyOf(parts);
    }

    UUID getMediaId() {
        return mediaId;
    }

    String getS3UploadId() {
        return s3UploadId;
    }

    int getChunkSize() {
        return chunkSize;
    }

    int getTotalParts() {
        return totalParts;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
