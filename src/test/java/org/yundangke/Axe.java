package org.yundangke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/**
 * axe-core from the npm registry, installed once per build by {@code npm ci} into {@code target/axe} from the pinned
 * {@code src/test/axe/package-lock.json} (its integrity hash checked), then injected into Debian's Chromium.
 */
public final class Axe {

    private static final Path SOURCE = Path.of("src/test/axe");
    private static final Path INSTALLED = Path.of("target/axe");
    private static final Path SCRIPT = INSTALLED.resolve("node_modules/axe-core/axe.min.js");

    private Axe() {
    }

    /** The axe-core script, installing it first when this build has not yet. */
    public static synchronized String script() {
        try {
            if (!Files.isRegularFile(SCRIPT)) {
                install();
            }
            return Files.readString(SCRIPT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void install() throws IOException {
        Files.createDirectories(INSTALLED);
        for (String file : new String[] {"package.json", "package-lock.json"}) {
            Files.copy(SOURCE.resolve(file), INSTALLED.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                .directory(INSTALLED.toFile()).redirectErrorStream(true)
                .redirectOutput(INSTALLED.resolve("npm.log").toFile()).start();
        try {
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci for axe-core failed; see " + INSTALLED.resolve("npm.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
