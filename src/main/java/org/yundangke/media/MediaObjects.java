package org.yundangke.media;

import io.minio.AbortMultipartUploadArgs;
import io.minio.CompleteMultipartUploadArgs;
import io.minio.CreateMultipartUploadArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.ListMultipartUploadsArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.UploadObjectArgs;
import io.minio.UploadPartArgs;
import io.minio.messages.DeleteRequest;
import io.minio.messages.DeleteResult;
import io.minio.messages.Item;
import io.minio.messages.ListMultipartUploadsResult;
import io.minio.messages.Part;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.yundangke.base.storage.ObjectStoreProperties;

/** The media bucket: multipart uploads, renditions, reads with ranges, presigned reads for ffmpeg, deletes. */
@Component
class MediaObjects {

    private final MinioClient minio;
    private final MinioAsyncClient minioAsync;
    private final String bucket;

    MediaObjects(MinioClient minio, MinioAsyncClient minioAsync, ObjectStoreProperties properties) {
        this.minio = minio;
        this.minioAsync = minioAsync;
        this.bucket = properties.mediaBucket();
    }

    String startMultipart(String object) {
        return call(() -> minioAsync.createMultipartUpload(CreateMultipartUploadArgs.builder().bucket(bucket)
                .object(object).build()).get().result().uploadId());
    }

    /** Sends one part; returns its ETag. The part is held in memory once (its size, never the file's). */
    String uploadPart(String object, String uploadId, int partNumber, byte[] data, int length) {
        return call(() -> minioAsync.uploadPart(UploadPartArgs.builder().bucket(bucket).object(object)
                .uploadId(uploadId).partNumber(partNumber).data(data, length).build()).get().part().etag());
    }

    void completeMultipart(String object, String uploadId, Map<Integer, String> etags) {
        Part[] parts = etags.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Part(e.getKey(), e.getValue())).toArray(Part[]::new);
        call(() -> minioAsync.completeMultipartUpload(CompleteMultipartUploadArgs.builder().bucket(bucket)
                .object(object).uploadId(uploadId).parts(parts).build()).get());
    }

    void abortMultipart(String object, String uploadId) {
        try {
            minioAsync.abortMultipartUpload(AbortMultipartUploadArgs.builder().bucket(bucket).object(object)
                    .uploadId(uploadId).build()).get();
        } catch (ExecutionException e) {
            // already gone: nothing left to remove
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An unfinished multipart upload in the store: which object, which upload, started when (may be unknown). */
    record OpenUpload(String object, String uploadId, @Nullable Instant initiated) {
    }

    /** Multipart uploads under the prefix that were started and never completed or aborted. */
    List<OpenUpload> openUploads(String prefix) {
        List<OpenUpload> open = new ArrayList<>();
        String keyMarker = null;
        String uploadMarker = null;
        for (boolean more = true; more; ) {
            ListMultipartUploadsArgs.Builder args = ListMultipartUploadsArgs.builder().bucket(bucket).prefix(prefix);
            if (keyMarker != null) {
                args.keyMarker(keyMarker).uploadIdMarker(uploadMarker);
            }
            ListMultipartUploadsResult page = call(() -> minioAsync.listMultipartUploads(args.build()).get().result());
            for (ListMultipartUploadsResult.Upload upload : page.uploads()) {
                open.add(new OpenUpload(upload.objectName(), upload.uploadId(),
                        upload.initiated() == null ? null : upload.initiated().toInstant()));
            }
            more = page.isTruncated();
            keyMarker = page.nextKeyMarker();
            uploadMarker = page.nextUploadIdMarker();
        }
        return open;
    }

    /** A URL ffmpeg/ffprobe can read the object from (with ranges), valid for {@code validity}. */
    String presignedGet(String object, Duration validity) {
        return call(() -> minio.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Http.Method.GET)
                .bucket(bucket).object(object).expiry((int) validity.toSeconds(), TimeUnit.SECONDS).build()));
    }

    void put(String object, Path file, String contentType) {
        call(() -> minio.uploadObject(UploadObjectArgs.builder().bucket(bucket).object(object)
                .filename(file.toString()).contentType(contentType).build()));
    }

    StatObjectResponse stat(String object) {
        return call(() -> minio.statObject(StatObjectArgs.builder().bucket(bucket).object(object).build()));
    }

    /** Reads {@code length} bytes from {@code offset} (or all, with a null length). */
    GetObjectResponse read(String object, long offset, Long length) {
        return call(() -> minio.getObject(GetObjectArgs.builder().bucket(bucket).object(object).offset(offset)
                .length(length).build()));
    }

    List<String> list(String prefix) {
        List<String> names = new ArrayList<>();
        for (Result<Item> item : minio.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix)
                .recursive(true).build())) {
            names.add(call(() -> item.get().objectName()));
        }
        return names;
    }

    /** Removes every object under the prefix (one talk's original, playlists, segments and poster). */
    void deleteAll(String prefix) {
        List<DeleteRequest.Object> objects = list(prefix).stream().map(DeleteRequest.Object::new).toList();
        if (objects.isEmpty()) {
            return;
        }
        for (Result<DeleteResult.Error> error : minio.removeObjects(RemoveObjectsArgs.builder().bucket(bucket)
                .objects(objects).build())) {
            DeleteResult.Error failed = call(error::get);
            throw new IllegalStateException("could not delete " + failed.objectName() + ": " + failed.message());
        }
    }

    private interface StoreCall<T> {
        T run() throws Exception;
    }

    private static <T> T call(StoreCall<T> call) {
        try {
            return call.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted talking to the object store", e);
        } catch (Exception e) {
            throw new ObjectStoreException(e);
        }
    }

    /** The object store refused or failed a call; the message says which object and why. */
    static class ObjectStoreException extends RuntimeException {
        ObjectStoreException(Exception cause) {
            super(cause.getCause() != null && cause instanceof ExecutionException ? cause.getCause() : cause);
        }
    }
}
