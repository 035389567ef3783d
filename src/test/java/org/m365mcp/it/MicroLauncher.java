package org.m365mcp.it;

import io.modelcontextprotocol.client.McpSyncClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one way an IT starts a Payara Micro of its own ({@link MicroProcess}), for settings the shared
 * Arquillian server cannot have: a port and a work directory per IT class, the built WAR at the root
 * context, the shipped boot commands, and the settings each IT adds.
 *
 * <ul>
 *   <li>{@link #on} names the port and the work directory; the log is {@code payara.log} in it.</li>
 *   <li>{@link #store()} puts the cache file in the work directory without the keyring, {@link #noWarming()}
 *       turns start-up warming off; {@link #env}, {@link #unset}, {@link #jvm} add the rest.</li>
 *   <li>{@link #freshWork()} / {@link #emptyWork()} clear what an earlier run left; a restart on the same
 *       files simply starts again.</li>
 *   <li>{@link #awaitMcp()} returns once MCP initializes a session, {@link #awaitReady} once
 *       {@code /health/ready} has the application's checks UP, {@link #launch()} at once.</li>
 * </ul>
 */
final class MicroLauncher {

    /** What a run leaves in its work directory, cleared by {@link #freshWork()}. */
    private static final List<String> RUN_FILES = List.of("payara.log", "cache.db", "cache.db-wal", "cache.db-shm");

    private final int port;
    private final Path work;
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Set<String> unset = new LinkedHashSet<>();
    private boolean bootCommands = true;
    private boolean runnableJar;

    private MicroLauncher(int port, Path work) {
        this.port = port;
        this.work = work;
    }

    static MicroLauncher on(int port, Path work) {
        return new MicroLauncher(port, work);
    }

    /** The cache file {@code cache.db} in the work directory, the key from the environment (no keyring). */
    MicroLauncher store() {
        return env("M365_MCP_CACHE_DB_PATH", cacheFile().toString()).env("M365_MCP_CACHE_KEYRING", "false");
    }

    /** No start-up warming: its entries and Graph requests would blur what the IT counts. */
    MicroLauncher noWarming() {
        return env("M365_MCP_WARMING_ON_STARTUP", "false");
    }

    MicroLauncher env(String name, String value) {
        env.put(name, value);
        unset.remove(name);
        return this;
    }

    MicroLauncher env(Map<String, String> settings) {
        settings.forEach(this::env);
        return this;
    }

    /** Leaves {@code name} out of the environment the test JVM passes on. */
    MicroLauncher unset(String name) {
        env.remove(name);
        unset.add(name);
        return this;
    }

    /** JVM options before {@code -jar}, e.g. {@code -Dm365.mcp.…} system properties. */
    MicroLauncher jvm(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /** Launched as a plain {@code java -jar payara-micro.jar --deploy}, without the shipped boot commands. */
    MicroLauncher withoutBootCommands() {
        bootCommands = false;
        return this;
    }

    /**
     * Launched as a user runs the build's jar, {@code java -jar target/m365-mcp.jar}: its own launcher
     * passes the port ({@code M365_MCP_PORT}) and the boot commands to Payara Micro.
     */
    MicroLauncher runnableJar() {
        runnableJar = true;
        return this;
    }

    Path work() {
        return work;
    }

    Path log() {
        return work.resolve("payara.log");
    }

    Path cacheFile() {
        return work.resolve("cache.db").toAbsolutePath();
    }

    /** Creates the work directory and removes the log and cache files an earlier run left; other files stay. */
    MicroLauncher freshWork() throws IOException {
        Files.createDirectories(work);
        for (String file : RUN_FILES) {
            Files.deleteIfExists(work.resolve(file));
        }
        return this;
    }

    /** Creates the work directory and removes every file in it (set-aside files included). */
    MicroLauncher emptyWork() throws IOException {
        if (Files.isDirectory(work)) {
            try (Stream<Path> old = Files.list(work)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(work);
        return this;
    }

    /** Launches the process and returns at once. */
    MicroProcess launch() throws IOException {
        return runnableJar
                ? MicroProcess.launchRunnableJar(port, log(), jvmOptions, env, unset)
                : MicroProcess.launch(port, log(), jvmOptions, env, unset, bootCommands);
    }

    /** Launches the process and waits until its MCP endpoint initializes a session; stops it when that fails. */
    MicroProcess awaitMcp() throws IOException, InterruptedException {
        MicroProcess micro = launch();
        try {
            micro.awaitMcp();
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            micro.close();
            throw e;
        }
        return micro;
    }

    /** Launches the process and waits until its readiness has the application's checks UP; stops it when that fails. */
    MicroProcess awaitReady(Duration timeout) throws Exception {
        MicroProcess micro = launch();
        try {
            micro.awaitReady(timeout);
        } catch (Exception | AssertionError e) {
            micro.close();
            throw e;
        }
        return micro;
    }

    /** Closes the client, then the process; either may be null (a start that failed). */
    static void stop(McpSyncClient client, MicroProcess payara) {
        if (client != null) {
            client.closeGracefully();
        }
        if (payara != null) {
            payara.close();
        }
    }
}
