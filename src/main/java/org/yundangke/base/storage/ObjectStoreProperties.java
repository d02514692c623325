package org.yundangke.base.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where objects go. With an empty {@code endpoint} the app starts its own S3 store (S3Proxy) under the data directory;
 * with one set (real MinIO in docker-compose) the keys must be set too.
 */
@ConfigurationProperties("yundangke.s3")
public record ObjectStoreProperties(String endpoint, String accessKey, String secretKey, String mediaBucket,
                                    String evidenceBucket) {

    boolean embedded() {
        return endpoint == null || endpoint.isBlank();
    }
}
