package org.yundangke;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The compose stack can be pulled: every image pinned to a release, MinIO from the registry that still serves it. */
class ComposeFileTest {

    @Test
    @SuppressWarnings("unchecked")
    void every_image_is_pinned_and_none_comes_from_the_removed_minio_repositories() throws Exception {
        Map<String, Object> compose;
        try (Reader reader = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
        }
        List<String> images = ((Map<String, Map<String, Object>>) compose.get("services")).values().stream()
                .map(service -> (String) service.get("image")).toList();
        assertThat(images).isNotEmpty().allSatisfy(image -> {
            assertThat(image).contains(":").doesNotEndWith(":latest");
            assertThat(image).doesNotStartWith("minio/").doesNotStartWith("docker.io/minio/");
        });
        assertThat(images).anyMatch(i -> i.startsWith("quay.io/minio/minio:RELEASE."))
                .anyMatch(i -> i.startsWith("quay.io/minio/mc:RELEASE."));
        assertThat(Files.readString(Path.of("Dockerfile"))).doesNotContainPattern("(?m)^FROM [^:\\s]+\\s*$")
                .doesNotContain(":latest");
    }
}
