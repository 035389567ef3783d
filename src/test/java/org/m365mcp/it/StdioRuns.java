package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the ITs of clients that start {@code java -jar target/m365-mcp.jar --stdio} themselves share:
 * a run folder of their own under {@code target/it-stdio}, the server's environment for it, and a
 * client process that must exit 0 in time.
 */
final class StdioRuns {

    /** How long a cold start of the jar may take on a busy machine. */
    static final Duration START = Duration.ofMinutes(3);

    private static final Path WORK = Path.of("target", "it-stdio").toAbsolutePath();

    private StdioRuns() {}

    /** The run folder {@code name}, emptied of the files an earlier run left. */
    static Path fresh(String name) throws IOException {
        Path run = WORK.resolve(name);
        if (Files.isDirectory(run)) {
            try (var old = Files.list(run)) {
                for (Path file : old.toList()) {
                    if (Files.isRegularFile(file)) {
                        Files.delete(file);
                    }
                }
            }
        }
        return Files.createDirectories(run);
    }

    /** What the server needs to run in {@code run}: its own cache file and log, the IT key, no warming. */
    static Map<String, String> serverEnvironment(Path run) {
        return Map.of(
                "M365_MCP_CACHE_DB_PATH", run.resolve("cache.db").toString(),
                "M365_MCP_CACHE_KEYRING", "false",
                "M365_MCP_WARMING_ON_STARTUP", "false",
                "M365_MCP_DOWNLOADS_DIR", run.resolve("downloads").toString(),
                "M365_MCP_LOG_FILE", run.resolve("stdio.log").toString());
    }

    /** Runs {@code client} (stdout to {@code out}, stderr to {@code err}) and asserts it exits 0 in time. */
    static void exitsZero(ProcessBuilder client, String name, Path out, Path err) throws Exception {
        Process process =
                client.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean ended = process.waitFor(START.toSeconds() + 60, TimeUnit.SECONDS);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }

        assertThat(ended).as("%s finished", name).isTrue();
        assertThat(process.exitValue())
                .as("%s's exit; stdout %s; stderr %s", name, Files.readString(out), Files.readString(err))
                .isZero();
    }

    /** {@code java <options> -jar target/m365-mcp.jar --stdio}, on the JVM running the tests. */
    static List<String> stdioCommand() {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(MicroProcess.JVM_OPTIONS);
        command.addAll(List.of("-jar", jar(), "--stdio"));
        return command;
    }

    /** The JVM running the tests. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The runnable jar {@code mvn package} made. */
    static String jar() {
        return MicroProcess.RUNNABLE_JAR.toAbsolutePath().toString();
    }
}
