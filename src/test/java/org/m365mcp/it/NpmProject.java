package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Node.js project of the ITs' ({@code src/test/node/<name>}: a {@code package.json}, its
 * {@code package-lock.json} and scripts), copied under {@code target/node/<name>} and installed there
 * with {@code npm ci} once, so that {@code node_modules} never lands in the sources.
 */
final class NpmProject {

    private NpmProject() {}

    /** The installed copy of {@code src/test/node/<name>}; installs it when its dependencies are missing. */
    static Path installed(String name) throws Exception {
        Path sources = Path.of("src", "test", "node", name);
        Path project = Path.of("target", "node", name).toAbsolutePath();
        Files.createDirectories(project);
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, project.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path stamp = project.resolve("node_modules").resolve(".package-lock.json");
        if (!Files.exists(stamp)) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                    .directory(project.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(project.resolve("npm.log").toFile())
                    .start();
            assertThat(npm.waitFor(5, TimeUnit.MINUTES)).as("npm ci ended").isTrue();
            assertThat(npm.exitValue())
                    .as("npm ci in %s: %s", project, Files.readString(project.resolve("npm.log")))
                    .isZero();
        }
        return project;
    }
}
