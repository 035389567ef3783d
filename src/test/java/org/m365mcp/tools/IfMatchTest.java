package org.m365mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphException;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolException;
import org.m365mcp.sandbox.SandboxServer;
import org.m365mcp.sandbox.SandboxTenant;

/**
 * The update tools' {@code etag} against the sandbox over HTTP: {@code If-Match} only when one is given,
 * the change made under the current etag, and Graph's 412 for a stale one a tool error that names
 * {@code etag} and the tool to read the item again, with the item left as the other client made it.
 */
class IfMatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SandboxServer sandbox = SandboxServer.start();
    private final GraphClient graph = sandbox.client(Duration.ofSeconds(5), 0);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void patch_noEtag_sendsNoIfMatch_andChanges() {
        String path = contactPath();

        JsonNode changed = IfMatch.of("", "contact", "contact_get").patch(graph, "demo2", path, jobTitle("Pilot"));

        assertThat(changed.path("jobTitle").asText()).isEqualTo("Pilot");
        assertThat(sandbox.received("/v1.0" + path))
                .filteredOn(r -> r.method().equals("PATCH"))
                .singleElement()
                .satisfies(r -> assertThat(r.header("If-Match")).isEmpty());
    }

    @Test
    void patch_currentEtag_sentAsIfMatch_changes_andAnswersTheNewEtag() {
        String path = contactPath();
        String etag = graph.get("demo2", path).path("@odata.etag").asText();

        JsonNode changed = IfMatch.of(" " + etag + " ", "contact", "contact_get")
                .patch(graph, "demo2", path, jobTitle("Navigator"));

        assertThat(changed.path("jobTitle").asText()).isEqualTo("Navigator");
        assertThat(changed.path("@odata.etag").asText()).isNotEqualTo(etag);
        assertThat(sandbox.received("/v1.0" + path))
                .filteredOn(r -> r.method().equals("PATCH"))
                .singleElement()
                .satisfies(r -> assertThat(r.header("If-Match")).contains(etag));
    }

    @Test
    void patch_staleEtag_isAToolErrorNamingEtagAndTheReadTool_andTheOtherClientsChangeStays() throws Exception {
        String path = contactPath();
        String read = graph.get("demo2", path).path("@odata.etag").asText();
        sandbox.send("PATCH", "/v1.0" + path, "{\"jobTitle\":\"Changed elsewhere\"}", SandboxTenant.DEMO2_TOKEN);
        IfMatch stale = IfMatch.of(read, "contact", "contact_get");

        assertThatThrownBy(() -> stale.patch(graph, "demo2", path, jobTitle("Lost update")))
                .isExactlyInstanceOf(ToolException.class)
                .hasMessage("Nothing was changed: the contact changed since you read it (etag " + read
                        + " is no longer its current one). Read it again with contact_get and, if your change"
                        + " still applies, retry with the etag it returns.");
        assertThat(graph.get("demo2", path).path("jobTitle").asText()).isEqualTo("Changed elsewhere");
    }

    @Test
    void patch_staleDriveItemEtag_isAToolError_nameUnchanged() {
        JsonNode folder = graph.post(
                "demo2",
                "/me/drive/root/children",
                JSON.createObjectNode().put("name", "IfMatch folder").set("folder", JSON.createObjectNode()));
        String path = "/me/drive/items/" + folder.path("id").asText();
        graph.patch("demo2", path, JSON.createObjectNode().put("name", "Renamed elsewhere"));
        IfMatch stale = IfMatch.of(folder.path("eTag").asText(), "folder", "folder_get");

        assertThatThrownBy(() -> stale.patch(
                        graph, "demo2", path, JSON.createObjectNode().put("name", "Lost")))
                .isExactlyInstanceOf(ToolException.class)
                .hasMessageContaining("the folder changed since you read it (etag "
                        + folder.path("eTag").asText())
                .hasMessageContaining("Read it again with folder_get");
        assertThat(graph.get("demo2", path).path("name").asText()).isEqualTo("Renamed elsewhere");
    }

    @Test
    void of_blankIsNoEtag_controlCharactersOrTooLongAreArgumentErrorsNamingEtag() {
        assertThat(IfMatch.of(null, "message", "email_get").etag()).isNull();
        assertThat(IfMatch.of("  ", "message", "email_get").etag()).isNull();
        for (String bad : new String[] {"W/\"a\"\r\nX-Injected: 1", "W/\"é\"", "x".repeat(IfMatch.MAX_LENGTH + 1)}) {
            assertThatThrownBy(() -> IfMatch.of(bad, "message", "email_get"))
                    .isInstanceOf(ToolArgumentException.class)
                    .hasMessageStartingWith("Invalid argument 'etag': must be the etag email_get returned");
        }
    }

    @Test
    void refusedWhenChanged_otherErrorsOr412WithoutAnEtag_areGraphsOwn() {
        GraphException conflict = GraphException.fromResponse(412, "resourceModified", "ETag does not match.");
        GraphException notFound = GraphException.fromResponse(404, "itemNotFound", "Not found.");

        assertThat(IfMatch.of("", "file", "file_get").refusedWhenChanged(conflict))
                .isSameAs(conflict);
        assertThat(IfMatch.of("\"{A},1\"", "file", "file_get").refusedWhenChanged(notFound))
                .isSameAs(notFound);
    }

    private String contactPath() {
        JsonNode contact = graph.post(
                "demo2",
                "/me/contacts",
                JSON.createObjectNode().put("givenName", "Etag").put("surname", "Test"));
        return "/me/contacts/" + contact.path("id").asText();
    }

    private static ObjectNode jobTitle(String title) {
        return JsonNodeFactory.instance.objectNode().put("jobTitle", title);
    }
}
