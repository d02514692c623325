package org.yundangke.base.storage;

import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Small objects held whole in memory: pictures in articles and evidence records, caption files. Large media goes
 * through the media module's multipart path instead.
 */
@Component
public class ObjectBytes {

    private final MinioClient minio;

    ObjectBytes(MinioClient minio) {
        this.minio = minio;
    }

    public void put(String bucket, String object, byte[] data, String contentType) {
        call(() -> minio.putObject(PutObjectArgs.builder().bucket(bucket).object(object).contentType(contentType)
                .stream(new ByteArrayInputStream(data), (long) data.length, -1L).build()));
    }

    public byte[] read(String bucket, String object) {
        return call(() -> {
            try (GetObjectResponse in = minio.getObject(GetObjectArgs.builder().bucket(bucket).object(object).build())) {
                return in.readAllBytes();
            }
        });
    }

    /**
     * Stores the object, then runs {@code rows} (what names it in the database); when they fail, the object is removed
     * again, so a refused or failed save leaves no orphan object behind.
     */
    public <T> T putThen(String bucket, String object, byte[] data, String contentType, Supplier<T> rows) {
        put(bucket, object, data, contentType);
        try {
            return rows.get();
        } catch (RuntimeException e) {
            delete(bucket, object);
            throw e;
        }
    }

    public void delete(String bucket, String object) {
        call(() -> {
            minio.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(object).build());
            return null;
        });
    }

    /** Whether the bytes are a PDF document (they begin with "%PDF"), whatever the file name says. */
    public static boolean isPdf(byte[] data) {
        return starts(data, '%', 'P', 'D', 'F');
    }

    /** The picture type the bytes really are (JPEG, PNG, GIF, WebP), whatever the file name says; null otherwise. */
    public static @Nullable String imageType(byte[] data) {
        if (starts(data, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(data, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts(data, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (starts(data, 'R', 'I', 'F', 'F') && data.length >= 12
                && Arrays.equals(Arrays.copyOfRange(data, 8, 12), "WEBP".getBytes())) {
            return "image/webp";
        }
        return null;
    }

    private static final Map<String, String> IMAGE_ENDINGS = Map.of("image/jpeg", "jpg", "image/png", "png",
            "image/gif", "gif", "image/webp", "webp");

    /** The file name ending for a picture type from {@link #imageType}. */
    public static String extension(String imageType) {
        return IMAGE_ENDINGS.getOrDefault(imageType, "jpg");
    }

    /** The picture type of a file name made with {@link #extension}. */
    public static String imageTypeOf(String fileName) {
        String ending = fileName.substring(fileName.lastIndexOf('.') + 1);
        return IMAGE_ENDINGS.entrySet().stream().filter(e -> e.getValue().equals(ending)).map(Map.Entry::getKey)
                .findFirst().orElse("application/octet-stream");
    }

    private static boolean starts(byte[] data, int... magic) {
        if (data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((data[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private interface StoreCall<T> {
        T run() throws Exception;
    }

    private static <T> T call(StoreCall<T> call) {
        try {
            return call.run();
        } catch (Exception e) {
            throw new ObjectStoreUnavailableException(e);
        }
    }

    /** The object store refused or could not be reached. */
    public static class ObjectStoreUnavailableException extends RuntimeException {
        ObjectStoreUnavailableException(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }
}
