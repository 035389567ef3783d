package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.cacheState;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.structured;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.m365mcp.sandbox.SandboxServer;

/**
 * The WAR in real-tenant mode on Payara Micro: MSAL4J signs in through the sandbox's emulated
 * identity platform over HTTPS (trusted through {@code m365.mcp.tls.trust-store}), Graph calls go
 * to the sandbox's Graph over HTTPS, and everything is driven through MCP tools, as a user would.
 *
 * <p>Not an Arquillian test: it needs its own Payara Micro process with real-tenant settings
 * (the other ITs share one demo-mode configuration), and a restart of that process.
 */
class MicrosoftSignInIT {

    private static final int PORT = Integer.getInteger("it.signin.port", 18082);
    private static final String ADELE = "adele.vance@contoso.sandbox";
    private static final String MEGAN = "megan.bowen@contoso.sandbox";
    private static final Path WORK = Path.of("target", "it-signin");

    private static SandboxServer sandbox;
    private static Path trustStore;
    private MicroProcess payara;
    private McpSyncClient client;

    @BeforeAll
    static void startSandbox() throws IOException {
        sandbox = SandboxServer.startHttps();
        MicroLauncher.on(PORT, WORK).freshWork();
        trustStore = WORK.resolve("sandbox-trust.p12");
        sandbox.writeTrustStore(trustStore, "it-trust");
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void stopServer() {
        if (client != null) {
            client.closeGracefully();
        }
        stop();
    }

    @Test
    void deviceCodeSignIn_twoAccounts_signOut_andARestart_throughTheTools() throws Exception {
        start();
        Map<String, Object> empty = structured(call(client, "account_list", Map.of()));
        assertThat(empty)
                .containsEntry("mode", "microsoft")
                .containsEntry("sandbox", false)
                .containsEntry("count", 0);
        assertThat(structured(call(client, "server_get_version", Map.of())))
                .containsEntry("mode", "microsoft")
                .containsEntry("authority", sandbox.authority().toString());
        for (String path :
                List.of("/sandbox/v1.0/me", "/sandbox/_admin/requests", "/contoso.sandbox/oauth2/v2.0/devicecode")) {
            assertThat(statusOf(path))
                    .as("the WAR's own sandbox outside demo mode: %s", path)
                    .isEqualTo(404);
        }

        assertThat(signIn(ADELE)).containsEntry("status", "signed_in");
        assertThat(signIn(MEGAN)).containsEntry("status", "signed_in");

        assertThat(accountIds()).containsExactly(ADELE, MEGAN);
        assertThat(cacheState(call(client, "email_list", Map.of("account_id", ADELE, "limit", 3))))
                .isEqualTo("miss");
        assertThat(cacheState(call(client, "email_list", Map.of("account_id", MEGAN, "limit", 3))))
                .isEqualTo("miss");
        assertThat(cacheState(call(client, "email_list", Map.of("account_id", ADELE, "limit", 3))))
                .isEqualTo("fresh");

        byte[] onDisk = Files.readAllBytes(WORK.resolve("cache.db"));
        byte[] wal = Files.exists(WORK.resolve("cache.db-wal"))
                ? Files.readAllBytes(WORK.resolve("cache.db-wal"))
                : new byte[0];
        for (String secret : sandbox.login().issuedSecrets()) {
            assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
            assertThat(new String(wal, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        }
        assertThat(sandbox.login().issuedSecrets()).as("tokens were issued").isNotEmpty();

        Map<String, Object> signedOut =
                structured(call(client, "account_sign_out", Map.of("account_id", ADELE, "confirm", true)));
        assertThat(signedOut).containsEntry("tokens_removed", true);
        assertThat((Integer) signedOut.get("cache_entries_removed")).isGreaterThanOrEqualTo(1);
        assertThat(accountIds()).containsExactly(MEGAN);
        CallToolResult gone = call(client, "email_list", Map.of("account_id", ADELE, "limit", 3));
        assertThat(gone.isError()).isTrue();
        assertThat(((TextContent) gone.content().get(0)).text()).contains("no signed-in account");

        client.closeGracefully();
        client = null;
        stop();
        start();

        assertThat(accountIds())
                .as("the encrypted token cache survived the restart")
                .containsExactly(MEGAN);
        assertThat(cacheState(call(client, "email_list", Map.of("account_id", MEGAN, "limit", 3))))
                .isEqualTo("fresh");
        assertThat(cacheState(
                        call(client, "email_list", Map.of("account_id", MEGAN, "limit", 3, "force_refresh", true))))
                .as("a Graph call with the restored tokens")
                .isEqualTo("miss");

        String log = Files.readString(WORK.resolve("payara.log"), StandardCharsets.ISO_8859_1);
        for (String secret : sandbox.login().issuedSecrets()) {
            assertThat(log).as("the server log").doesNotContain(secret);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> signIn(String username) {
        Map<String, Object> prompt = structured(call(client, "account_authenticate", Map.of()));
        String userCode = (String) prompt.get("user_code");
        assertThat((String) prompt.get("verification_uri"))
                .startsWith(sandbox.authority().toString());
        Map<String, Object> pending =
                structured(call(client, "account_complete_auth", Map.of("user_code", userCode, "wait_seconds", 0)));
        assertThat(pending).containsEntry("status", "pending");
        assertThat(sandbox.approveDeviceCode(userCode, username).statusCode()).isEqualTo(200);
        Map<String, Object> done =
                structured(call(client, "account_complete_auth", Map.of("user_code", userCode, "wait_seconds", 30)));
        assertThat((Map<String, Object>) done.get("account")).containsEntry("account_id", username);
        return done;
    }

    @SuppressWarnings("unchecked")
    private List<Object> accountIds() {
        List<Map<String, Object>> accounts = (List<Map<String, Object>>)
                structured(call(client, "account_list", Map.of())).get("accounts");
        return accounts.stream().map(account -> account.get("account_id")).toList();
    }

    /** A GET to the Payara Micro server (not the test JVM's sandbox), with the server's bearer token. */
    private int statusOf(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(payara.root().resolve(path))
                                .header("Authorization", "Bearer " + ItServer.TOKEN)
                                .header("Origin", "http://localhost")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private void start() throws Exception {
        payara = MicroLauncher.on(PORT, WORK)
                .env(Map.of(
                        "M365_MCP_CLIENT_ID", "it-sandbox-client",
                        "M365_MCP_AUTHORITY", sandbox.authority().toString(),
                        "M365_MCP_GRAPH_BASE_URL", sandbox.graphRoot().toString(),
                        "M365_MCP_TLS_TRUST_STORE", trustStore.toAbsolutePath().toString(),
                        "M365_MCP_TLS_TRUST_STORE_PASSWORD", "it-trust"))
                .store()
                .awaitMcp();
        client = ItServer.client(payara.root().toURL());
    }

    private void stop() {
        if (payara != null) {
            payara.close();
            payara = null;
        }
    }
}
