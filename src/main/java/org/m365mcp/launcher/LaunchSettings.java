package org.m365mcp.launcher;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where the runnable jar's Payara Micro listens, read as the application reads it (MicroProfile Config's
 * order: a system property, then the environment variable, then the shipped default).
 *
 * <ul>
 *   <li>{@code m365.mcp.host} / {@code M365_MCP_HOST} (default 127.0.0.1) becomes the HTTP listener's
 *       address through the shipped boot commands; {@code m365.mcp.port} / {@code M365_MCP_PORT}
 *       (default 8080) its port.</li>
 *   <li>The host goes into an asadmin command, so only the characters of a host name or an IP
 *       address are accepted: anything else is refused before Payara starts.</li>
 * </ul>
 *
 * @param host the listener's address
 * @param port the listener's port, 1–65535
 */
record LaunchSettings(String host, int port) {

    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 8080;

    /** What the boot commands' template names the host by (Maven's filter syntax, config/pre-boot-commands.txt). */
    static final String HOST_PLACEHOLDER = "${m365.mcp.host}";

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:%\\-\\[\\]]+");

    LaunchSettings {
        Objects.requireNonNull(host, "host");
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException(
                    "M365_MCP_HOST (m365.mcp.host) must be a host name or an IP address, not '" + host + "'");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(
                    "M365_MCP_PORT (m365.mcp.port) must be a port from 1 to 65535, not " + port);
        }
    }

    /** The settings from {@code system} properties and the {@code environment}, each over the defaults. */
    static LaunchSettings of(Properties system, Map<String, String> environment) {
        String host =
                setting(system, environment, "m365.mcp.host", "M365_MCP_HOST").orElse(DEFAULT_HOST);
        String port =
                setting(system, environment, "m365.mcp.port", "M365_MCP_PORT").orElse(String.valueOf(DEFAULT_PORT));
        try {
            return new LaunchSettings(host, Integer.parseInt(port));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "M365_MCP_PORT (m365.mcp.port) must be a port from 1 to 65535, not '" + port + "'");
        }
    }

    /** Whether {@code m365.mcp.port} or {@code M365_MCP_PORT} names the port (else the default is taken). */
    static boolean portSet(Properties system, Map<String, String> environment) {
        return setting(system, environment, "m365.mcp.port", "M365_MCP_PORT").isPresent();
    }

    /** These settings on {@code otherPort}. */
    LaunchSettings withPort(int otherPort) {
        return new LaunchSettings(host, otherPort);
    }

    /** The shipped boot commands with this host in place of {@value #HOST_PLACEHOLDER}. */
    String bootCommands(String template) {
        if (!template.contains(HOST_PLACEHOLDER)) {
            throw new IllegalStateException(
                    "the boot commands do not set the listener's address (" + HOST_PLACEHOLDER + " missing)");
        }
        return template.replace(HOST_PLACEHOLDER, host);
    }

    private static Optional<String> setting(
            Properties system, Map<String, String> environment, String property, String variable) {
        String value = system.getProperty(property);
        if (value == null || value.isBlank()) {
            value = environment.get(variable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
