package org.m365mcp.tools.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;
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
        return read(graph, account, request, max, collected -> {});
    }

    /**
     * As above, telling {@code collected} how many contacts are read before each request after the
     * first (a long export's progress); what it throws ends the reading with no further request.
     */
    static List<JsonNode> read(
            GraphClient graph,
            String account,
            Function<String, GraphClientRequest> request,
            int max,
            IntConsumer collected) {
        List<JsonNode> all = new ArrayList<>(graph.getPaged(account, request.apply("/me/contacts"), max, collected));
        collected.accept(all.size());
        GraphClientRequest folders = GraphClientRequest.get("/me/contactFolders?$select=id");
        for (JsonNode folder : graph.getPaged(account, folders, 500, page -> collected.accept(all.size()))) {
            if (all.size() >= max) {
                break;
            }
            int before = all.size();
            all.addAll(graph.getPaged(
                    account,
                    request.apply(
                            ContactArguments.contactsPath(folder.path("id").asText())),
                    max - before,
                    page -> collected.accept(before + page)));
            collected.accept(all.size());
        }
        return all;
    }
}
