package org.yundangke.base.storage;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An S3-compatible store inside the app (S3Proxy, filesystem backend), on a free loopback port, so a fresh checkout
 * runs without a MinIO server. Credentials are generated on first start and kept beside the data, never in git.
 */
public final class EmbeddedObjectStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedObjectStore.class);

    private final S3Proxy proxy;
    private final String accessKey;
    private final String secretKey;

    private EmbeddedObjectStore(S3Proxy proxy, String accessKey, String secretKey) {
        this.proxy = proxy;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    /** Starts the store with objects under {@code dataDir/objects} and keys in {@code dataDir/s3-credentials.properties}. */
    public static EmbeddedObjectStore start(Path dataDir) throws Exception {
        Path objects = Files.createDirectories(dataDir.resolve("objects"));
        Properties keys = credentials(dataDir.resolve("s3-credentials.properties"));
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(objects.toAbsolutePath().toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, keys.getProperty("access-key"),
                        keys.getProperty("secret-key"))
                .stopTimeout(2_000)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.onSpinWait();
        }
        log.info("Embedded object store on 127.0.0.1:{}, objects under {}", proxy.getPort(), objects.toAbsolutePath());
        return new EmbeddedObjectStore(proxy, keys.getProperty("access-key"), keys.getProperty("secret-key"));
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }

    private static Properties credentials(Path file) throws IOException {
        Properties keys = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                keys.load(in);
            }
            return keys;
        }
        keys.setProperty("access-key", "ydk" + random(8));
        keys.setProperty("secret-key", random(24));
        try (Writer out = Files.newBufferedWriter(file)) {
            keys.store(out, "Embedded object store keys, generated on first start. Keep private.");
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the data directory's own permissions apply
        }
        return keys;
    }

    private static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        new SecureRandom().nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
