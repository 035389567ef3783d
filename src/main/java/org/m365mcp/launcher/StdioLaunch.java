package org.m365mcp.launcher;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What {@code --stdio} asks of the launch: stdout carries nothing but MCP, so every line Payara Micro and
 * the application print goes to a log file; the application learns to serve stdio (and HTTP only with
 * {@code --http}); without {@code --http} and without {@code M365_MCP_PORT}, the listener, which still
 * serves the console and the demo sandbox, takes a free loopback port, so that every client may start a
 * server of its own.
 *
 * @param http    whether MCP is served over HTTP too ({@code --http})
 * @param logFile where the process's output goes ({@code M365_MCP_LOG_FILE}, default
 *                {@code ~/.m365_mcp_stdio.log})
 */
record StdioLaunch(boolean http, Path logFile) {

    static final String STDIO = "--stdio";
    static final String HTTP = "--http";
    static final String DEFAULT_LOG_FILE = ".m365_mcp_stdio.log";

    /**
     * The stdio launch {@code arguments} ask for, if any; the two flags are removed from them (they are
     * ours, not Payara Micro's).
     *
     * @throws IllegalArgumentException for {@code --http} without {@code --stdio}
     */
    static Optional<StdioLaunch> take(List<String> arguments, Properties system, Map<String, String> env) {
        boolean stdio = arguments.remove(STDIO);
        boolean http = arguments.remove(HTTP);
        if (!stdio) {
            if (http) {
                throw new IllegalArgumentException("--http goes with --stdio (HTTP alone is the default)");
            }
            return Optional.empty();
        }
        String configured = system.getProperty("m365.mcp.log-file", env.get("M365_MCP_LOG_FILE"));
        Path log = configured == null || configured.isBlank()
                ? Path.of(system.getProperty("user.home"), DEFAULT_LOG_FILE)
                : Path.of(configured.strip());
        return Optional.of(new StdioLaunch(http, log));
    }

    /** The listener's port: {@code settings}' when HTTP is asked for or the port was set, else a free one. */
    int port(LaunchSettings settings, boolean portSet) throws IOException {
        if (http || portSet) {
            return settings.port();
        }
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** Sends {@code System.out} and {@code System.err} to the log file (appended, owner-only) and tells the application. */
    void apply(Properties system) throws IOException {
        Path parent = logFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!Files.exists(logFile)) {
            try {
                Files.createFile(
                        logFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(logFile);
            }
        }
        PrintStream log = new PrintStream(new FileOutputStream(logFile.toFile(), true), true, StandardCharsets.UTF_8);
        System.setOut(log);
        System.setErr(log);
        system.setProperty("m365.mcp.stdio", "true");
        if (!http) {
            system.setProperty("m365.mcp.http", "false");
        }
    }
}
