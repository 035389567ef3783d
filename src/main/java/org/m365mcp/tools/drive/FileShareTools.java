package org.m365mcp.tools.drive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphClientRequest;
import org.m365mcp.graph.GraphResponse;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;

/**
 * Sharing links for OneDrive files ({@code createLink}): Graph answers an existing link of the same
 * type and scope again (200) or a new one (201); the answer says which. Folders are refused with a
 * tool error, as the tool shares files only. Changes nothing any cached read shows.
 */
@ApplicationScoped
public class FileShareTools {

    private static final Set<String> LINK_TYPES = Set.of("view", "edit", "embed");
    private static final Set<String> LINK_SCOPES = Set.of("anonymous", "organization");

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    @McpTool(
            name = "file_share",
            idempotent = true,
            description = "Create (or get again) a sharing link for a OneDrive file (not a folder): view, edit or"
                    + " embed; anonymous or organization.")
    public ShareLinkAnswer fileShare(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("File id from file_list") String fileId,
            @ToolParam(value = "Link type: view, edit or embed", defaultValue = "view") String type,
            @ToolParam(
                            value = "Who may use it: anonymous (anyone with the link) or organization",
                            defaultValue = "organization")
                    String scope) {
        accounts.require(accountId);
        DriveItemRef ref = DriveArguments.file("file_id", fileId);
        ObjectNode body = JsonNodeFactory.instance
                .objectNode()
                .put("type", DriveArguments.choice("type", type, LINK_TYPES))
                .put("scope", DriveArguments.choice("scope", scope, LINK_SCOPES));
        DriveFailures.requireKind(
                graph,
                accountId,
                "file_id",
                ref,
                false,
                "file_share shares files only; share a folder in OneDrive itself");
        GraphResponse response = DriveFailures.addressed(
                "file_id",
                "file",
                ref,
                () -> graph.send(accountId, GraphClientRequest.post(ref.below("createLink"), body)));
        JsonNode permission = response.json();
        JsonNode link = permission.path("link");
        return new ShareLinkAnswer(
                accountId,
                ref.id(),
                permission.path("id").asText(null),
                link.path("webUrl").asText(null),
                link.path("type").asText(null),
                link.path("scope").asText(null),
                response.status() == 201);
    }
}
