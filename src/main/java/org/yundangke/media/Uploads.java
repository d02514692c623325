package org.yundangke.media;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import org.jobrunr.jobs.annotations.Recurring;
import org.jobrunr.scheduling.JobScheduler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.yundangke.base.StudyCalendar;

/**
 * Resumable uploads straight into the object store: each part the browser sends becomes one part of an S3 multipart
 * upload, so a file of any size passes through memory one part at a time, and a dropped connection or a restarted
 * server resumes at the first missing part. On completion the file is probed; a refused file leaves nothing behind.
 */
@Service
public class Uploads {

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);
    private static final Duration PROBE_URL_VALIDITY = Duration.ofHours(1);

    private final MediaRepository media;
    private final UploadSessionRepository sessions;
    private final MediaObjects objects;
    private final MediaProbe probe;
    private final MediaProperties properties;
    private final JobScheduler jobs;
    private final TransactionTemplate transaction;
    private final MediaLibrary library;
    private final PartBuffers buffers;
    private final StudyCalendar calendar;
    private final MeterRegistry meters;

    Uploads(MediaRepository media, UploadSessionRepository sessions, MediaObjects objects, MediaProbe probe,
            MediaProperties properties, JobScheduler jobs, TransactionTemplate transaction, MediaLibrary library,
            PartBuffers buffers, StudyCalendar calendar, MeterRegistry meters) {
        this.meters = meters;
        this.calendar = calendar;
        this.library = library;
        this.buffers = buffers;
        this.media = media;
        this.sessions = sessions;
        this.objects = objects;
        this.probe = probe;
        this.properties = properties;
        this.jobs = jobs;
        this.transaction = transaction;
    }

    /** Where an upload stands: the client sends every part not yet received. */
    public record UploadStatus(UUID mediaId, int chunkSize, int totalParts, List<Integer> receivedParts) {
    }

    /** Starts an upload, or finds the unfinished one of the same file by the same user and resumes it. */
    public UploadStatus start(String owner, @Nullable String sentName, long size, long lastModified) {
        String filename = Media.fittedName(sentName);
        if (size <= 0) {
            throw new MediaRejectedException(Rejection.EMPTY, filename);
        }
        if (size > properties.maxUploadSize().toBytes()) {
            throw new MediaRejectedException(Rejection.TOO_LARGE, size + " bytes");
        }
        String fingerprint = String.join("|", owner, filename, String.valueOf(size), String.valueOf(lastModified));
        return transaction.execute(tx -> sessions.findFirstByFingerprint(fingerprint).map(this::status)
                .orElseGet(() -> {
                    Media created = media.save(new Media(owner, filename, size, calendar.now()));
                    String uploadId = objects.startMultipart(created.originalObject());
                    int chunk = (int) properties.chunkSize().toBytes();
                    return status(sessions.save(new UploadSession(created.getId(), fingerprint, uploadId, chunk, size, calendar.now())));
                }));
    }

    public UploadStatus status(UUID mediaId, String owner) {
        return status(owned(mediaId, owner).session());
    }

    /**
     * Stores part {@code partNumber} (from 1). A part that arrives incomplete is not recorded; a part sent twice
     * replaces the first.
     */
    public void receivePart(UUID mediaId, String owner, int partNumber, InputStream body)
            throws IOException, InterruptedException {
        Upload upload = owned(mediaId, owner);
        UploadSession session = upload.session();
        Media target = upload.media();
        if (partNumber < 1 || partNumber > session.getTotalParts()) {
            throw new IllegalArgumentException("part " + partNumber + " of " + session.getTotalParts());
        }
        int expected = (int) session.expectedSize(partNumber, target.toInfo().sizeBytes());
        String etag;
        byte[] buffer = buffers.borrow(expected);
        try {
            int read = body.readNBytes(buffer, 0, expected);
            if (read != expected || body.read() != -1) {
                throw new IllegalArgumentException("part " + partNumber + " must be " + expected + " bytes");
            }
            etag = objects.uploadPart(target.originalObject(), session.getS3UploadId(), partNumber, buffer, expected);
        } finally {
            buffers.release(buffer);
        }
        transaction.executeWithoutResult(tx -> {
            UploadSession current = sessions.findById(mediaId).orElseThrow();
            current.partArrived(partNumber, etag, calendar.now());
        });
    }

    /** Joins the parts into the original, probes it, and queues the transcode; a refused file is deleted. */
    public MediaInfo complete(UUID mediaId, String owner) {
        Upload upload = owned(mediaId, owner);
        UploadSession session = upload.session();
        if (!session.complete()) {
            throw new IllegalStateException("parts missing: received " + session.receivedParts().size() + " of "
                    + session.getTotalParts());
        }
        Media uploaded = upload.media();
        objects.completeMultipart(uploaded.originalObject(), session.getS3UploadId(), session.parts());
        sessions.delete(session);
        ProbeResult result;
        try {
            result = probe.probe(objects.presignedGet(uploaded.originalObject(), PROBE_URL_VALIDITY),
                    uploaded.toInfo().sizeBytes());
        } catch (MediaRejectedException rejected) {
            objects.deleteAll(uploaded.prefix());
            media.delete(uploaded);
            log.info("Refused upload {} by {}: {}", uploaded.toInfo().originalFilename(), owner, rejected.getMessage());
            meters.counter("yundangke.uploads", "outcome", "refused").increment();
            throw rejected;
        }
        MediaInfo accepted = transaction.execute(tx -> {
            Media current = media.findById(mediaId).orElseThrow();
            current.accepted(result, calendar.now());
            return current.toInfo();
        });
        TranscodeJob.enqueue(jobs, properties, mediaId);
        meters.counter("yundangke.uploads", "outcome", "accepted").increment();
        return accepted;
    }

    /** Stops an upload and removes every trace of it. */
    public void cancel(UUID mediaId, String owner) {
        library.erase(owned(mediaId, owner).media());
    }

    /**
     * Unfinished uploads nobody touched for a day (configurable) are removed, parts and all; so are multipart uploads
     * in the store that no upload session knows (a crash between starting one and recording it).
     */
    @Recurring(id = "remove-stale-uploads", cron = "17 * * * *")
    public int removeStaleUploads() {
        return removeUploadsUntouchedSince(calendar.now().minus(properties.staleUploadAfter()));
    }

    int removeUploadsUntouchedSince(Instant cutoff) {
        List<UploadSession> stale = sessions.findByUpdatedAtBefore(cutoff);
        stale.forEach(this::remove);
        Set<String> known = sessions.findAll().stream().map(UploadSession::getS3UploadId).collect(Collectors.toSet());
        int orphans = 0;
        for (MediaObjects.OpenUpload open : objects.openUploads("media/")) {
            // an upload without a start time is left alone: it may be one whose session is being written right now
            if (!known.contains(open.uploadId()) && open.initiated() != null && open.initiated().isBefore(cutoff)) {
                objects.abortMultipart(open.object(), open.uploadId());
                orphans++;
            }
        }
        if (stale.size() + orphans > 0) {
            log.info("Removed {} unfinished uploads and {} orphaned multipart uploads older than {}", stale.size(),
                    orphans, properties.staleUploadAfter());
        }
        return stale.size() + orphans;
    }

    private void remove(UploadSession session) {
        media.findById(session.getMediaId()).ifPresent(library::erase);
    }

    /** An unfinished upload and its talk, loaded once per call. */
    private record Upload(Media media, UploadSession session) {
    }

    /** The caller's unfinished upload; refuses someone else's, and one that has already finished. */
    private Upload owned(UUID mediaId, String owner) {
        Media target = media.findById(mediaId).orElseThrow(() -> new AccessDeniedException("no upload " + mediaId));
        if (!target.getOwnerUsername().equals(owner)) {
            throw new AccessDeniedException(owner + " does not own upload " + mediaId);
        }
        return new Upload(target, sessions.findById(mediaId)
                .orElseThrow(() -> new IllegalStateException("upload already finished")));
    }

    private UploadStatus status(UploadSession session) {
        return new UploadStatus(session.getMediaId(), session.getChunkSize(), session.getTotalParts(),
                session.receivedParts());
    }
}
