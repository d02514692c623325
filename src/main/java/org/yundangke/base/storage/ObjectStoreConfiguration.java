package org.yundangke.base.storage;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yundangke.base.AppProperties;

/** One shared MinIO client for every object, against the embedded store or the configured server. */
@Configuration
class ObjectStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ObjectStoreConfiguration.class);
    static final String REGION = "us-east-1";

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${yundangke.s3.endpoint:}'.isBlank()")
    EmbeddedObjectStore embeddedObjectStore(AppProperties app) throws Exception {
        return EmbeddedObjectStore.start(app.dataDir());
    }

    /**
     * The connection every object goes through. Closed before the embedded store stops (it depends on it); an open
     * client would hold S3Proxy's stop ~60 s.
     */
    @Bean(destroyMethod = "close")
    MinioClient minioClient(ObjectStoreProperties properties, ObjectProvider<EmbeddedObjectStore> embedded)
            throws Exception {
        Connection store = connection(properties, embedded);
        MinioClient client = MinioClient.builder().endpoint(store.endpoint()).region(REGION)
                .credentials(store.accessKey(), store.secretKey()).build();
        for (String bucket : List.of(properties.mediaBucket(), properties.evidenceBucket())) {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                log.info("Created bucket {}", bucket);
            }
        }
        return client;
    }

    /**
     * The same store for the calls only the async client offers (the parts of a multipart upload); same endpoint and
     * keys, closed the same way.
     */
    @Bean(destroyMethod = "close")
    MinioAsyncClient minioAsyncClient(ObjectStoreProperties properties, ObjectProvider<EmbeddedObjectStore> embedded) {
        Connection store = connection(properties, embedded);
        return MinioAsyncClient.builder().endpoint(store.endpoint()).region(REGION)
                .credentials(store.accessKey(), store.secretKey()).build();
    }

    private record Connection(String endpoint, String accessKey, String secretKey) {
    }

    private static Connection connection(ObjectStoreProperties properties,
                                         ObjectProvider<EmbeddedObjectStore> embedded) {
        @Nullable EmbeddedObjectStore store = embedded.getIfAvailable();
        if (store != null) {
            return new Connection(store.endpoint(), store.accessKey(), store.secretKey());
        }
        requireKeys(properties.accessKey(), properties.secretKey());
        return new Connection(properties.endpoint(), properties.accessKey(), properties.secretKey());
    }

    private static void requireKeys(String accessKey, String secretKey) {
        if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw new IllegalStateException("YUNDANGKE_S3_ENDPOINT is set but YUNDANGKE_S3_ACCESS_KEY or "
                    + "YUNDANGKE_S3_SECRET_KEY is empty: set both keys of the object store, or unset the endpoint to "
                    + "use the embedded store.");
        }
    }
}
