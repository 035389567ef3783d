package org.m365mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphException;

/** The real client against the sandbox's real JAX-RS application over real HTTP: mail. */
class GraphClientAgainstSandboxTest {

    private final SandboxServer sandbox = SandboxServer.start();
    private final GraphClient client = sandbox.client(Duration.ofSeconds(5), 0);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void getPaged_inbox_newestMessagesAcrossPages() {
        List<JsonNode> messages = client.getPaged("demo",
                "/me/mailFolders/inbox/messages?$top=7&$select=subject,from,receivedDateTime", 30);

        String inboxId = client.get("demo", "/me/mailFolders/inbox").path("id").asText();
        List<String> expected = sandbox.tenant.account("demo").orElseThrow().mailbox().allMessages().stream()
                .filter(m -> m.path("parentFolderId").asText().equals(inboxId))
                .limit(30).map(m -> m.path("id").asText()).toList();
        assertThat(messages).extracting(m -> m.path("id").asText()).containsExactlyElementsOf(expected);
        assertThat(messages.get(0).has("bodyPreview")).isFalse();
        assertThat(sandbox.state.requests().snapshot()).containsEntry("/v1.0/me/mailFolders/inbox/messages", 5L)
                .containsEntry("/v1.0/me/mailFolders/inbox", 1L);
    }

    @Test
    void get_unknownFolder_surfacesGraphNotFound() {
        assertThatThrownBy(() -> client.get("demo", "/me/mailFolders/nowhere/messages"))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.isNotFound()).isTrue();
                    assertThat(e.getMessage()).isEqualTo("Graph returned 404 ErrorItemNotFound: "
                            + "The specified object was not found in the store.");
                });
    }
}
