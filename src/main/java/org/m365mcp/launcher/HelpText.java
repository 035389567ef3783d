package org.m365mcp.launcher;

import java.io.PrintStream;
import java.util.List;

/**
 * What {@code java -jar m365-mcp.jar --help} prints: how to run it and the settings a user most often
 * sets, each an environment variable or a {@code -D} system property of the WAR's MicroProfile Config.
 */
final class HelpText {

    /** One setting: its environment variable, its default as a user would read it, what it does. */
    record Setting(String variable, String defaultValue, String meaning) {}

    static final List<Setting> SETTINGS = List.of(
            new Setting(
                    "M365_MCP_HOST", "127.0.0.1", "address to listen on; beyond loopback needs M365_MCP_AUTH_TOKEN"),
            new Setting("M365_MCP_PORT", "8080", "port to listen on"),
            new Setting("M365_MCP_PATH", "/mcp", "MCP endpoint path (Streamable HTTP)"),
            new Setting("M365_MCP_AUTH_TOKEN", "none", "bearer token clients must send"),
            new Setting("M365_MCP_ALLOWED_ORIGINS", "loopback", "browser origins allowed (others get 403)"),
            new Setting(
                    "M365_MCP_CLIENT_ID",
                    "none: demo mode",
                    "Azure app client id: sign in to Microsoft 365" + " instead of the built-in sandbox tenant"),
            new Setting("M365_MCP_TENANT", "common", "Microsoft Entra tenant to sign in to"),
            new Setting("M365_MCP_CACHE_DB_PATH", "~/.m365_mcp_cache.db", "the encrypted cache file"),
            new Setting("M365_MCP_CACHE_KEY", "OS keyring", "the cache key where no OS keyring is available"),
            new Setting("M365_MCP_DOWNLOADS_DIR", "~/Downloads/m365-mcp", "the only directory tools save files to"),
            new Setting(
                    "M365_MCP_TOOLS",
                    "all of today's areas",
                    "tool areas offered: mail, calendar, contacts, files," + " search, cache, account, or all"),
            new Setting("M365_MCP_READ_ONLY", "false", "true: offer only tools that read (plus sign-in)"),
            new Setting(
                    "M365_MCP_TOOL_MODE",
                    "direct",
                    "discovery: list three tools that find, describe and call" + " the others"),
            new Setting("M365_MCP_WARMING_ON_STARTUP", "true", "warm the cache for signed-in accounts at start-up"),
            new Setting(
                    "M365_MCP_LOG_FILE",
                    "~/" + StdioLaunch.DEFAULT_LOG_FILE,
                    "with --stdio: where every log line goes"));

    private HelpText() {}

    static void print(PrintStream out) {
        out.println("""
                Usage: java [-D<setting>=<value>...] -jar m365-mcp.jar [--help] [--stdio [--http]] [Payara Micro options...]

                Starts m365-mcp, an MCP server for Microsoft 365 with an encrypted cache in front of Microsoft
                Graph, on Payara Micro: Streamable HTTP at http://<M365_MCP_HOST>:<M365_MCP_PORT>/mcp.
                Without M365_MCP_CLIENT_ID it runs in demo mode, against a sandbox tenant inside the server
                (accounts demo and demo2). Other arguments go to Payara Micro (e.g. --rootdir <dir>).

                --stdio   MCP over stdin/stdout instead (for clients that start the server themselves):
                          stdout carries only MCP, logs go to M365_MCP_LOG_FILE, the server stops when
                          stdin closes. The listener stays on for the console (and the demo sandbox),
                          on a free loopback port unless M365_MCP_PORT is set; the log says where.
                --http    with --stdio: MCP over HTTP too, at M365_MCP_PORT.

                Settings: environment variables, or system properties before -jar (M365_MCP_PORT is
                -Dm365.mcp.port); a system property wins over the variable.

                A shorter cold start, for less peak speed: java -XX:TieredStopAtLevel=1 -jar m365-mcp.jar
                (C1 JIT only; the README adds a class-data archive).
                """);
        for (Setting setting : SETTINGS) {
            out.printf("  %-28s %-22s %s%n", setting.variable(), setting.defaultValue(), setting.meaning());
        }
        out.println("""

                Every setting and its default: META-INF/microprofile-config.properties in the WAR, and the
                README's Configuration section. Logs go to the console (with --stdio, to the log file).""");
    }
}
