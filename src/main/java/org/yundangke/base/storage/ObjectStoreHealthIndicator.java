package org.yundangke.base.storage;

import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** "objectStore" in the health groups: the media bucket answers (the store is up and the credentials work). */
@Component
class ObjectStoreHealthIndicator extends AbstractHealthIndicator {

    private final MinioClient minio;
    private final String bucket;

    ObjectStoreHealthIndicator(MinioClient minio, ObjectStoreProperties properties) {
        this.minio = minio;
        this.bucket = properties.mediaBucket();
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        boolean exists = minio.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
        (exists ? builder.up() : builder.down()).withDetail("bucket", bucket);
    }
}
