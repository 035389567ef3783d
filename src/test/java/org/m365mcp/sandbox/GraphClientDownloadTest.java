package org.m365mcp.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphException;

/** {@link GraphClient#download}: raw content streamed to a file, under the same retries and error mapping as every call. */
class GraphClientDownloadTest {

    private final SandboxServer sandbox = SandboxServer.start();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** The first attachment of the inbox's first message with one: {@code {messageId, attachment JSON}}. */
    private Object[] someAttachment(GraphClient client) {
        JsonNode message = client.getPaged(
                        "demo", "/me/mailFolders/inbox/messages?$filter=hasAttachments eq true&$select=id", 1)
                .get(0);
        String messageId = message.path("id").asText();
        JsonNode attachment = client.get("demo", "/me/messages/" + messageId + "/attachments")
                .path("value")
                .get(0);
        return new Object[] {messageId, attachment};
    }

    @Test
    void download_attachmentValue_writesExactlyItsBytes() throws IOException {
        GraphClient client = sandbox.client(Duration.ofSeconds(5), 0);
        Object[] found = someAttachment(client);
        JsonNode attachment = (JsonNode) found[1];
        Path target = dir.resolve("out.bin");

        long written = client.download(
                "demo",
                "/me/messages/" + found[0] + "/attachments/"
                        + attachment.path("id").asText() + "/$value",
                target);

        byte[] expected =
                Base64.getDecoder().decode(attachment.path("contentBytes").asText());
        assertThat(expected).isNotEmpty();
        assertThat(written).isEqualTo(expected.length);
        assertThat(Files.readAllBytes(target)).isEqualTo(expected);
    }

    @Test
    void download_unknownAttachment_isGraphsNotFound_andWritesNoFile() {
        GraphClient client = sandbox.client(Duration.ofSeconds(5), 0);
        Object[] found = someAttachment(client);
        Path target = dir.resolve("missing.bin");

        assertThatThrownBy(() ->
                        client.download("demo", "/me/messages/" + found[0] + "/attachments/AAMkAGnope/$value", target))
                .isInstanceOfSatisfying(
                        GraphException.class, e -> assertThat(e.isNotFound()).isTrue());
        assertThat(target).doesNotExist();
    }

    @Test
    void download_unavailableOnce_retried_fileHoldsTheContentNotTheErrorBody() throws IOException {
        GraphClient client = sandbox.client(Duration.ofSeconds(5), 2);
        Object[] found = someAttachment(client);
        JsonNode attachment = (JsonNode) found[1];
        sandbox.send(
                "PUT",
                "/_admin/faults",
                "{\"path_pattern\":\"/me/messages/*/$value\",\"status\":503,\"retry_after_seconds\":0,\"count\":1}",
                null);
        Path target = dir.resolve("retried.bin");

        long written = client.download(
                "demo",
                "/me/messages/" + found[0] + "/attachments/"
                        + attachment.path("id").asText() + "/$value",
                target);

        assertThat(sandbox.send("GET", "/_admin/faults", null, null).body()).contains("\"remaining\":0");
        assertThat(Files.readAllBytes(target))
                .isEqualTo(Base64.getDecoder()
                        .decode(attachment.path("contentBytes").asText()));
        assertThat(written).isEqualTo(Files.size(target));
    }

    @Test
    void download_redirect_isAnError_notFollowed() {
        GraphClient client = sandbox.client(Duration.ofSeconds(5), 0);
        String file = client.send(
                        "demo",
                        org.m365mcp.graph.GraphClientRequest.put(
                                "/me/drive/root:/Desktop/d.txt:/content", new byte[] {'d'}, "text/plain"))
                .json()
                .path("id")
                .asText();

        assertThatThrownBy(() -> client.download("demo", "/me/drive/items/" + file + "/content", dir.resolve("d.txt")))
                .isInstanceOfSatisfying(
                        GraphException.class, e -> assertThat(e.code()).isEqualTo("UnexpectedRedirect"));
        assertThat(sandbox.received().stream().filter(r -> r.path().startsWith("/download/")))
                .isEmpty();
    }
}
