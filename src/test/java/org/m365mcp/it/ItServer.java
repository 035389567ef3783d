package org.m365mcp.it;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The deployed server as the integration tests see it: the built WAR, its MCP endpoint, its token. */
final class ItServer {

    /** Matches M365_MCP_AUTH_TOKEN in the failsafe configuration (pom.xml). */
    static final String TOKEN = "it-secret-token";

    private ItServer() {}

    /** The WAR that `mvn package` built: the tests exercise the real artifact. */
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/m365-mcp.war"));
    }

    /**
     * The application's root over loopback: Payara reports the deployment under the machine's host
     * name, which the server's Host allow-list (loopback names by default) rightly refuses.
     */
    static URI root(URL base) {
        return URI.create("http://127.0.0.1:" + base.getPort() + base.getPath().replaceAll("/$", ""));
    }

    static URI mcpUri(URL base) {
        return URI.create(root(base) + "/mcp");
    }

    static McpSyncClient client(URL base) {
        return client(base, progress -> {});
    }

    /** A client whose progress notifications go to {@code progress}. */
    static McpSyncClient client(URL base, Consumer<McpSchema.ProgressNotification> progress) {
        URI mcp = mcpUri(base);
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(
                        mcp.getScheme() + "://" + mcp.getAuthority())
                .endpoint(mcp.getPath())
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + TOKEN))
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(60))
                .progressConsumer(progress)
                .enableCallToolSchemaCaching(true)
                .build();
        client.initialize();
        // Caches every listed tool's outputSchema: the client then checks each successful answer
        // against it and throws on a mismatch, in every IT (the server checks it too).
        client.listTools();
        return client;
    }

    static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new CallToolRequest(tool, arguments));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> structured(CallToolResult result) {
        if (Boolean.TRUE.equals(result.isError())) {
            throw new AssertionError("Tool error: " + result.content());
        }
        return (Map<String, Object>) result.structuredContent();
    }

    /** The text of a tool error; fails when {@code result} is not one. */
    static String errorText(CallToolResult result) {
        if (!Boolean.TRUE.equals(result.isError())) {
            throw new AssertionError("Expected a tool error, got: " + result.content());
        }
        return ((TextContent) result.content().get(0)).text();
    }

    /**
     * The status of a GET under the deployment's context path with a Host header of our choosing, which
     * java.net.http refuses to set, over a raw socket to loopback.
     */
    static int rawStatus(URL base, String path, String host, boolean withToken) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + root(base).getPath() + path + " HTTP/1.1\r\nHost: " + host + "\r\n"
                            + (withToken ? "Authorization: Bearer " + TOKEN + "\r\n" : "")
                            + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    @SuppressWarnings("unchecked")
    static String cacheState(CallToolResult result) {
        return (String) ((Map<String, Object>) structured(result).get("cache")).get("state");
    }
}
