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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runnable artifact as a user runs it: {@code java -jar target/m365-mcp.jar} starts the server in
 * demo mode on the port {@code M365_MCP_PORT} names, bound to loopback with no data grid (the shipped
 * boot commands applied, else the server would refuse to start), and answers MCP; {@code --help} names
 * the settings. One Payara Micro of its own (port {@code it.jar.port}, default 18088).
 */
class RunnableJarIT {

    private static final int PORT = Integer.getInteger("it.jar.port", 18088);
    private static final Path WORK = Path.of("target", "it-jar");

    private MicroProcess server;
    private McpSyncClient client;

    @AfterEach
    void stop() {
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
        server = MicroLauncher.on(PORT, WORK)
                .freshWork()
                .store()
                .noWarming()
                .runnableJar()
                .awaitMcp();
        client = ItServer.client(server.root().toURL());
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
}
