package org.m365mcp.tools.drive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Supplier;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphException;
import org.m365mcp.mcp.ToolArgumentException;

/**
 * Words OneDrive's failures for the assistant: a 404 for an addressed item and a 409 name clash
 * become tool errors naming the argument; other {@link GraphException}s pass through to
 * {@code GraphErrorTranslator}. Stateless.
 */
final class DriveFailures {

    private DriveFailures() {}

    /** {@code call}'s answer; Graph's 404 becomes "no {@code kind} '…'" naming {@code argument}. */
    static <T> T addressed(String argument, String kind, DriveItemRef item, Supplier<T> call) {
        try {
            return call.get();
        } catch (GraphException e) {
            if (e.isNotFound()) {
                throw new ToolArgumentException(argument, "no " + kind + " '" + item.shown() + "'");
            }
            throw e;
        }
    }

    /** {@code call}'s answer; Graph's 409 {@code nameAlreadyExists} becomes a tool error naming {@code argument}. */
    static <T> T named(String argument, String name, Supplier<T> call) {
        try {
            return call.get();
        } catch (GraphException e) {
            if (e.status() == 409) {
                throw new ToolArgumentException(
                        argument,
                        "an item named '" + name + "' already exists there"
                                + " (conflict_behavior rename or replace, where offered, resolves it)");
            }
            throw e;
        }
    }

    /**
     * Reads {@code item} and checks it is a folder ({@code folder} true) or a file, so a tool never
     * renames, moves, shares or removes the other kind by mistake; a 404 is "no {@code kind} '…'".
     *
     * @param instead what to tell the assistant to use for the other kind, e.g. {@code use folder_rename}
     * @return the item's id (also of the root or an item given by path)
     */
    static String requireKind(
            GraphClient graph, String accountId, String argument, DriveItemRef item, boolean folder, String instead) {
        String kind = folder ? "folder" : "file";
        JsonNode found =
                addressed(argument, kind, item, () -> graph.get(accountId, item.item() + "?$select=id,folder"));
        if (found.has("folder") != folder) {
            throw new ToolArgumentException(
                    argument, "'" + item.shown() + "' is a " + (folder ? "file" : "folder") + ": " + instead);
        }
        return found.path("id").asText();
    }

    /**
     * Graph's {@code parentReference} for a move or copy into {@code destination}: always by id
     * ({@code itemReference.path} is read-only in Graph), after checking it is a folder.
     */
    static ObjectNode destination(GraphClient graph, String accountId, String argument, DriveItemRef destination) {
        return JsonNodeFactory.instance
                .objectNode()
                .put("id", requireKind(graph, accountId, argument, destination, true, "give a folder id or path"));
    }
}
