package org.m365mcp.it;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A Payara Micro process of its own running the built WAR at the root context, for the ITs whose
 * server settings differ from the shared Arquillian server's (real-tenant mode, warming at start-up),
 * or the runnable jar as a user starts it.
 *
 * <ul>
 *   <li>Launched as the run profile does, with the shipped boot commands ({@link #BOOT_COMMANDS}),
 *       and only the {@code --port} option telling the port: the application learns it from Payara.</li>
 *   <li>Inherits the test JVM's environment (failsafe's bearer token and test-only key) plus the
 *       launcher's settings; its output is appended to {@code log}.</li>
 *   <li>Started through {@link MicroLauncher}; {@link #mcpAnsweredAt()} is the instant MCP first
 *       initialized a session, when the launcher waited for it.</li>
 * </ul>
 */
final class MicroProcess implements AutoCloseable {

    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(4);

    /** The pre-boot command file as the build ships it for the run profile (filtered into target/payara). */
    static final Path BOOT_COMMANDS = Path.of("target", "payara", "pre-boot-commands.txt");

    /** The runnable jar the build makes (Payara Micro's uber jar with the WAR inside and our launcher). */
    static final Path RUNNABLE_JAR = Path.of("target", "m365-mcp.jar");

    private final Process process;
    private final int port;
    private final Path log;
    private final Instant startedAt;
    private Instant mcpAnsweredAt;

    private MicroProcess(Process process, int port, Path log, Instant startedAt) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startedAt = startedAt;
    }

    /**
     * Launches Payara Micro on {@code port}, with the shipped boot commands or, as a plain
     * {@code java -jar payara-micro.jar --deploy}, without them; the test JVM's environment without
     * {@code unset}, plus {@code env}. Returns at once; {@link MicroLauncher} is the way in.
     */
    static MicroProcess launch(
            int port,
            Path log,
            List<String> jvmOptions,
            Map<String, String> env,
            Set<String> unset,
            boolean bootCommands)
            throws IOException {
        List<String> arguments = new ArrayList<>(jvmOptions);
        arguments.addAll(List.of(
                "-jar",
                System.getenv("MICRO_JAR"),
                "--deploy",
                Path.of("target", "m365-mcp.war").toString(),
                "--contextroot",
                "/",
                "--port",
                String.valueOf(port),
                "--nocluster"));
        if (bootCommands) {
            arguments.addAll(List.of("--prebootcommandfile", BOOT_COMMANDS.toString()));
        }
        return launch(arguments, port, log, env, unset);
    }

    /**
     * Launches the runnable jar as a user would, {@code java -jar target/m365-mcp.jar}, its port chosen
     * by {@code M365_MCP_PORT} (the launcher passes it and the boot commands to Payara Micro); returns at once.
     */
    static MicroProcess launchRunnableJar(
            int port, Path log, List<String> jvmOptions, Map<String, String> env, Set<String> unset)
            throws IOException {
        List<String> arguments = new ArrayList<>(jvmOptions);
        arguments.addAll(List.of("-jar", RUNNABLE_JAR.toString()));
        Map<String, String> withPort = new HashMap<>(env);
        withPort.put("M365_MCP_PORT", String.valueOf(port));
        return launch(arguments, port, log, withPort, unset);
    }

    /**
     * The JVM options of every server an IT starts itself: a heap bound, and the C1 compiler only, which
     * about halves a cold start's CPU time (docs/benchmarks.md, cold start) — these servers live for a
     * few calls, never long enough for C2's code to pay for its compiling.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

    /** Runs {@code java} with {@link #JVM_OPTIONS} and {@code arguments}, the test JVM's environment without {@code unset}, plus {@code env}. */
    private static MicroProcess launch(
            List<String> arguments, int port, Path log, Map<String, String> env, Set<String> unset) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeAll(unset);
        builder.environment().putAll(env);
        Instant startedAt = Instant.now();
        return new MicroProcess(builder.start(), port, log, startedAt);
    }

    /** The exit status once the process ended by itself within {@code timeout}; empty while it still runs. */
    OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                ? OptionalInt.of(process.exitValue())
                : OptionalInt.empty();
    }

    /** The process's id, to find the sockets it listens on. */
    long pid() {
        return process.pid();
    }

    URI root() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** When the process was started. */
    Instant startedAt() {
        return startedAt;
    }

    /** When the MCP endpoint first initialized a session. */
    Instant mcpAnsweredAt() {
        return mcpAnsweredAt;
    }

    /** Waits until readiness ({@code /health/ready}) has the application's checks UP; fails when the process dies. */
    void awaitReady(Duration timeout) throws Exception {
        ReadinessProbe.await(port, process, timeout, log.toString());
    }

    /** Waits until the MCP endpoint initializes a session (it answers 500 while the deployment starts). */
    void awaitMcp() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(root() + "/mcp"))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + ItServer.TOKEN)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                        + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"probe\",\"version\":\"1\"}}}"))
                .build();
        long deadline = System.nanoTime() + DEPLOY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Payara Micro exited with " + process.exitValue() + "; see " + log);
            }
            try {
                // the answer's head is enough: a body read to its end could wait on an open stream for good
                HttpResponse<InputStream> response = http.send(probe, HttpResponse.BodyHandlers.ofInputStream());
                response.body().close();
                if (response.statusCode() == 200) {
                    mcpAnsweredAt = Instant.now();
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(
                "Payara Micro did not deploy within " + DEPLOY_TIMEOUT.toMinutes() + " minutes; see " + log);
    }

    /** Stops the process, forcibly after 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
