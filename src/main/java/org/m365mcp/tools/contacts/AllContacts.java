package org.m365mcp.tools.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphClientRequest;

/**
 * Reads across the default Contacts folder and its contact folders (the lists): Graph's
 * {@code /me/contacts} covers the default folder only. Stateless.
 */
final class AllContacts {

    private AllContacts() {}

    /**
     * Up to {@code max} contacts: the default folder's first, then each top-level contact folder's,
     * each read with {@code request} applied to the folder's contacts path.
     */
    static List<JsonNode> read(
            GraphClient graph, String account, Function<String, GraphClientRequest> request, int max) {
        List<JsonNode> all = new ArrayList<>(graph.getPaged(account, request.apply("/me/contacts"), max));
        for (JsonNode folder : graph.getPaged(account, "/me/contactFolders?$select=id", 500)) {
            if (all.size() >= max) {
                break;
            }
            all.addAll(graph.getPaged(
                    account,
                    request.apply(
                            ContactArguments.contactsPath(folder.path("id").asText())),
                    max - all.size()));
        }
        return all;
    }
}
