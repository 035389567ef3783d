package org.m365mcp.mcp;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether the server may start where it listens: what it refuses, and why, in words an operator can act on.
 *
 * <ol>
 *   <li>{@code m365.mcp.host} beyond loopback needs a bearer token, unless
 *       {@value #ALLOW_UNAUTHENTICATED} accepts the risk.</li>
 *   <li>The container's HTTP listener must bind the address {@code m365.mcp.host} names: a listener on every
 *       interface (Payara Micro launched without the shipped boot commands) while the host says loopback
 *       would serve other machines behind the server's back.</li>
 *   <li>Nothing else may listen: Payara's Hazelcast data grid listens on every interface (port 6900 on),
 *       {@code --nocluster} notwithstanding.</li>
 * </ol>
 *
 * <p>Plain values in, a reason out: no container, no I/O, so each rule is tested on its own.
 */
final class BindingRules {

    /** The setting that accepts serving other machines without a bearer token. */
    static final String ALLOW_UNAUTHENTICATED = "m365.mcp.allow-unauthenticated-network-access";

    static final String REFUSAL = "m365-mcp refuses to start: ";

    private static final String BOOT_COMMANDS = " Launch Payara Micro with the shipped boot commands,"
            + " --prebootcommandfile config/pre-boot-commands.txt (mvn -Prun package does; docs/security.md).";

    private BindingRules() {}

    /**
     * Why the server must not start; empty when it may.
     *
     * @param host                  {@code m365.mcp.host}
     * @param tokenSet              whether a bearer token is configured
     * @param allowUnauthenticated  {@value #ALLOW_UNAUTHENTICATED}
     * @param listenerAddress       the address the container's HTTP listener binds, when it tells
     * @param dataGridRunning       whether Payara's Hazelcast data grid runs
     */
    static Optional<String> refusal(
            String host,
            boolean tokenSet,
            boolean allowUnauthenticated,
            Optional<String> listenerAddress,
            boolean dataGridRunning) {
        if (!isLoopback(host) && !tokenSet && !allowUnauthenticated) {
            return Optional.of(REFUSAL + "m365.mcp.host=" + host + " lets other machines reach it, and no bearer token"
                    + " is set. Set M365_MCP_AUTH_TOKEN (m365.mcp.auth-token) to a long random secret that clients"
                    + " send as 'Authorization: Bearer <token>', or, to let anyone who reaches " + host
                    + " read and change the signed-in mailboxes, set M365_MCP_ALLOW_UNAUTHENTICATED_NETWORK_ACCESS=true ("
                    + ALLOW_UNAUTHENTICATED + ").");
        }
        if (listenerAddress.isPresent() && !sameAddress(listenerAddress.get(), host)) {
            String listener = listenerAddress.get();
            return Optional.of(REFUSAL + "the HTTP listener binds " + listener
                    + (isWildcard(listener) ? " (every interface)" : "") + ", but m365.mcp.host is " + host + "."
                    + BOOT_COMMANDS + " They set the listener's address to m365.mcp.host as it was when the WAR was"
                    + " built (M365_MCP_HOST then); or run the asadmin command 'set configs.config.server-config."
                    + "network-config.network-listeners.network-listener.http-listener.address=" + host + "'.");
        }
        if (dataGridRunning) {
            return Optional.of(REFUSAL + "Payara's Hazelcast data grid is running and listens on every interface"
                    + " (port 6900 on; --nocluster does not stop it), and this server needs none." + BOOT_COMMANDS
                    + " They turn the data grid off (or add --nohazelcast).");
        }
        return Optional.empty();
    }

    /** A loopback name or address: 127.0.0.0/8, {@code localhost}, {@code ::1}. */
    static boolean isLoopback(String host) {
        String h = unbracketed(host).toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }

    static boolean isWildcard(String address) {
        String a = unbracketed(address);
        return a.equals("0.0.0.0") || a.equals("::") || a.equals("0:0:0:0:0:0:0:0");
    }

    /** Whether a listener on {@code listener} binds where {@code host} says (names compared as written, loopback as one). */
    private static boolean sameAddress(String listener, String host) {
        if (isWildcard(listener) || isWildcard(host)) {
            return isWildcard(listener) && isWildcard(host);
        }
        if (isLoopback(listener) && isLoopback(host)) {
            return normalLoopback(listener).equals(normalLoopback(host));
        }
        return unbracketed(listener).equalsIgnoreCase(unbracketed(host));
    }

    /** {@code localhost} is 127.0.0.1 (Payara Micro prefers IPv4); other loopback addresses stay as written. */
    private static String normalLoopback(String address) {
        String a = unbracketed(address).toLowerCase(Locale.ROOT);
        return a.equals("localhost") ? "127.0.0.1" : a.equals("0:0:0:0:0:0:0:1") ? "::1" : a;
    }

    private static String unbracketed(String address) {
        String a = address.trim();
        return a.startsWith("[") && a.endsWith("]") ? a.substring(1, a.length() - 1) : a;
    }
}
