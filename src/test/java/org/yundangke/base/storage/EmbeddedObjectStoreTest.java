package org.yundangke.base.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedObjectStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void put_get_delete_round_trip_through_the_minio_client() throws Exception {
        byte[] talk = "第一讲：党史学习教育".repeat(1000).getBytes(StandardCharsets.UTF_8);
        try (EmbeddedObjectStore store = EmbeddedObjectStore.start(dataDir); MinioClient client = client(store)) {
            client.makeBucket(MakeBucketArgs.builder().bucket("talks").build());
            client.putObject(PutObjectArgs.builder().bucket("talks").object("lesson-1/original.txt")
                    .stream(new ByteArrayInputStream(talk), (long) talk.length, null).build());

            try (InputStream in = client.getObject(GetObjectArgs.builder().bucket("talks").object("lesson-1/original.txt").build())) {
                assertThat(in.readAllBytes()).isEqualTo(talk);
            }

            client.removeObject(RemoveObjectArgs.builder().bucket("talks").object("lesson-1/original.txt").build());
            assertThatThrownBy(() -> client.statObject(StatObjectArgs.builder().bucket("talks").object("lesson-1/original.txt").build()))
                    .isInstanceOf(ErrorResponseException.class).hasMessageContaining("does not exist");
        }
    }

    @Test
    void objects_and_keys_survive_a_restart() throws Exception {
        byte[] poster = {1, 2, 3, 4};
        String firstKey;
        try (EmbeddedObjectStore store = EmbeddedObjectStore.start(dataDir); MinioClient client = client(store)) {
            firstKey = store.accessKey();
            client.makeBucket(MakeBucketArgs.builder().bucket("media").build());
            client.putObject(PutObjectArgs.builder().bucket("media").object("poster.jpg")
                    .stream(new ByteArrayInputStream(poster), (long) poster.length, null).build());
        }
        try (EmbeddedObjectStore store = EmbeddedObjectStore.start(dataDir); MinioClient client = client(store)) {
            assertThat(store.accessKey()).isEqualTo(firstKey);
            assertThat(client.bucketExists(BucketExistsArgs.builder().bucket("media").build())).isTrue();
            try (InputStream in = client.getObject(GetObjectArgs.builder().bucket("media").object("poster.jpg").build())) {
                assertThat(in.readAllBytes()).isEqualTo(poster);
            }
        }
    }

    @Test
    void refuses_requests_without_credentials() throws Exception {
        try (EmbeddedObjectStore store = EmbeddedObjectStore.start(dataDir); MinioClient client = client(store)) {
            client.makeBucket(MakeBucketArgs.builder().bucket("private").build());
            client.putObject(PutObjectArgs.builder().bucket("private").object("secret")
                    .stream(new ByteArrayInputStream(new byte[]{42}), 1L, null).build());
            HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(store.endpoint() + "/private/secret")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(403);
        }
    }

    private static MinioClient client(EmbeddedObjectStore store) {
        return MinioClient.builder().endpoint(store.endpoint()).region(ObjectStoreConfiguration.REGION)
                .credentials(store.accessKey(), store.secretKey()).build();
    }
}
