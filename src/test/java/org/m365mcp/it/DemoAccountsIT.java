package org.m365mcp.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.m365mcp.it.ItServer.cacheState;
import static org.m365mcp.it.ItServer.call;
import static org.m365mcp.it.ItServer.structured;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Demo mode is honest: the account tools and server_get_version say the sandbox is in use. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DemoAccountsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItServer.war();
    }

    @ArquillianResource
    URL base;

    private McpSyncClient client;

    @BeforeEach
    void connect() {
        client = ItServer.client(base);
    }

    @AfterEach
    void disconnect() {
        client.closeGracefully();
    }

    @Test
    @SuppressWarnings("unchecked")
    void accountList_inDemoMode_listsBothSandboxAccountsAndSaysSo() {
        Map<String, Object> answer = structured(call(client, "account_list", Map.of()));

        assertThat(answer)
                .containsEntry("mode", "demo")
                .containsEntry("sandbox", true)
                .containsEntry("count", 2);
        assertThat((List<Map<String, Object>>) answer.get("accounts"))
                .extracting(
                        account -> account.get("account_id"),
                        account -> account.get("username"),
                        account -> account.get("sandbox"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("demo", "adele.vance@contoso.sandbox", true),
                        org.assertj.core.groups.Tuple.tuple("demo2", "megan.bowen@contoso.sandbox", true));
        assertThat((String) answer.get("note")).contains("Demo mode").contains("M365_MCP_CLIENT_ID");
    }

    @Test
    void serverGetVersion_inDemoMode_saysTheSandboxIsInUse() {
        Map<String, Object> answer = structured(call(client, "server_get_version", Map.of()));

        assertThat(answer)
                .containsEntry("name", "m365-mcp")
                .containsEntry("mode", "demo")
                .containsEntry("sandbox", true)
                .containsKey("version")
                .doesNotContainKey("authority");
        assertThat((String) answer.get("graph_base_url")).endsWith("/sandbox/v1.0");
        assertThat((String) answer.get("note")).startsWith("Demo mode");
    }

    @Test
    void accountAuthenticate_inDemoMode_explainsHowToUseARealTenant() {
        CallToolResult result = call(client, "account_authenticate", Map.of());

        assertThat(result.isError()).isTrue();
        assertThat(((TextContent) result.content().get(0)).text())
                .startsWith("account_authenticate failed: Demo mode")
                .contains("docs/azure-app-registration.md");
    }

    @Test
    void accountSignOut_needsConfirm_thenRemovesThatAccountsCacheOnly() {
        CallToolResult unconfirmed = call(client, "account_sign_out", Map.of("account_id", "demo2"));
        assertThat(unconfirmed.isError()).isTrue();
        assertThat(((TextContent) unconfirmed.content().get(0)).text()).startsWith("Invalid argument 'confirm'");

        call(client, "email_list", Map.of("account_id", "demo2", "limit", 2));
        call(client, "email_list", Map.of("account_id", "demo", "limit", 2));
        assertThat(cacheState(call(client, "email_list", Map.of("account_id", "demo2", "limit", 2))))
                .isEqualTo("fresh");

        Map<String, Object> signedOut =
                structured(call(client, "account_sign_out", Map.of("account_id", "demo2", "confirm", true)));

        assertThat(signedOut).containsEntry("account_id", "demo2").containsEntry("tokens_removed", false);
        assertThat((Integer) signedOut.get("cache_entries_removed")).isGreaterThanOrEqualTo(1);
        assertThat(cacheState(call(client, "email_list", Map.of("account_id", "demo2", "limit", 2))))
                .isEqualTo("miss");
        assertThat(cacheState(call(client, "email_list", Map.of("account_id", "demo", "limit", 2))))
                .as("the other account's cache is untouched")
                .isEqualTo("fresh");
    }

    @Test
    void accountTools_carryTheirSafetyAnnotations() {
        List<Tool> tools = client.listTools().tools();

        Tool signOut = tools.stream()
                .filter(t -> t.name().equals("account_sign_out"))
                .findFirst()
                .orElseThrow();
        Tool list = tools.stream()
                .filter(t -> t.name().equals("account_list"))
                .findFirst()
                .orElseThrow();
        assertThat(signOut.annotations().destructiveHint()).isTrue();
        assertThat(signOut.annotations().readOnlyHint()).isFalse();
        assertThat(list.annotations().readOnlyHint()).isTrue();
        assertThat(tools)
                .extracting(Tool::name)
                .contains("account_authenticate", "account_complete_auth", "account_list", "account_sign_out");
    }
}
