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
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where the server listens and what it learns about it, however Payara Micro was launched: on a
 * port of the launcher's choosing (no {@code m365.mcp.port} anywhere) demo mode calls its own
 * sandbox there, nothing listens beyond loopback, and a launch that would listen beyond it without
 * the shipped boot commands, or beyond loopback without a bearer token, refuses to start.
 *
 * <p>Not an Arquillian test: each case starts its own Payara Micro process, launched its own way.
 */
class ListenerBindingIT {

    private static final int PORT = Integer.getInteger("it.binding.port", 18084);
    private static final Path WORK = Path.of("target", "it-binding");
    private static final Duration REFUSAL_TIMEOUT = Duration.ofMinutes(3);

    private MicroProcess payara;
    private McpSyncClient client;

    @BeforeEach
    void cleanWorkDirectory() throws Exception {
        launcher().freshWork();
    }

    @AfterEach
    void stopServer() {
        MicroLauncher.stop(client, payara);
    }

    @Test
    void launchOnAnotherPort_withoutM365McpPort_demoModeCallsItsOwnSandbox_andListensOnLoopbackOnly() throws Exception {
        payara = launcher().awaitMcp();
        client = ItServer.client(payara.root().toURL());

        Map<String, Object> mail = structured(call(client, "email_list", Map.of("account_id", "demo", "limit", 3)));

        assertThat((List<?>) mail.get("messages")).hasSize(3);
        assumeTrue(ListeningSockets.available(), "listening sockets are read from Linux's /proc");
        List<InetSocketAddress> listening = ListeningSockets.of(payara.pid());
        assertThat(listening)
                .as("sockets Payara Micro listens on")
                .isNotEmpty()
                .allSatisfy(socket -> assertThat(socket.getAddress().isLoopbackAddress())
                        .as("%s is loopback", socket)
                        .isTrue());
        assertThat(listening).extracting(InetSocketAddress::getPort).contains(PORT);
    }

    @Test
    void plainLaunchWithoutTheBootCommands_listensOnEveryInterface_soRefusesToStart_andSaysHowToLaunch()
            throws Exception {
        payara = launcher().withoutBootCommands().launch();

        OptionalInt exit = payara.awaitExit(REFUSAL_TIMEOUT);

        assertThat(exit).as("the process ended by itself").isPresent();
        assertThat(exit.getAsInt()).isNotZero();
        assertThat(logText())
                .contains("m365-mcp refuses to start")
                .contains("0.0.0.0")
                .contains("--prebootcommandfile");
    }

    @Test
    void hostBeyondLoopback_withoutBearerToken_refusesToStart_andNamesTheSettings() throws Exception {
        payara = launcher()
                .env("M365_MCP_HOST", "0.0.0.0")
                .env("M365_MCP_AUTH_TOKEN", "")
                .launch();

        OptionalInt exit = payara.awaitExit(REFUSAL_TIMEOUT);

        assertThat(exit).as("the process ended by itself").isPresent();
        assertThat(logText())
                .contains("m365-mcp refuses to start")
                .contains("M365_MCP_AUTH_TOKEN")
                .contains("M365_MCP_ALLOW_UNAUTHENTICATED_NETWORK_ACCESS");
    }

    private static MicroLauncher launcher() {
        return MicroLauncher.on(PORT, WORK).store().noWarming();
    }

    private static String logText() throws Exception {
        return Files.readString(launcher().log(), StandardCharsets.ISO_8859_1);
    }
}
