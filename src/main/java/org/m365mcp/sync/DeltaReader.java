package org.m365mcp.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphClientRequest;
import org.m365mcp.graph.GraphException;

/**
 * Reads one delta round of a resource from Graph, page by page through {@code @odata.nextLink},
 * until the page that carries {@code @odata.deltaLink}.
 *
 * <ul>
 *   <li>All or nothing: a page that fails fails the round ({@link GraphException}, e.g. 410 when the
 *       token expired), and the caller keeps its previous link.</li>
 *   <li>A round longer than {@code maxPages} pages is abandoned ({@link RoundTooLongException}).</li>
 *   <li>Thread-safe; the links are never logged nor put in a message.</li>
 * </ul>
 */
final class DeltaReader {

    private final GraphClient graph;
    private final int maxPages;

    DeltaReader(GraphClient graph, int maxPages) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.maxPages = maxPages;
    }

    /** A round that starts with {@code firstRequest} (relative to Graph's base URL). */
    DeltaRound first(String accountId, SyncResource resource, String firstRequest) {
        GraphClientRequest request = request(resource, firstRequest);
        return read(accountId, resource, graph.send(accountId, request).json(), request);
    }

    /** A round that starts from the delta link of the previous one. */
    DeltaRound from(String accountId, SyncResource resource, String deltaLink) {
        GraphClientRequest request = request(resource, "/me");
        return read(accountId, resource, graph.getLink(accountId, deltaLink, request), request);
    }

    private DeltaRound read(String accountId, SyncResource resource, JsonNode page, GraphClientRequest request) {
        List<DeltaChange> changes = new ArrayList<>();
        int requests = 1;
        while (true) {
            for (JsonNode item : page.path("value")) {
                DeltaChange change = DeltaChange.of(item);
                if (!change.id().isEmpty()) {
                    changes.add(change);
                }
            }
            String deltaLink = page.path("@odata.deltaLink").asText("");
            if (!deltaLink.isEmpty()) {
                return new DeltaRound(changes, deltaLink, requests);
            }
            String next = page.path("@odata.nextLink").asText("");
            if (next.isEmpty()) {
                throw new GraphException(
                        0,
                        "InvalidDeltaPage",
                        "A delta page of " + resource + " has neither @odata.nextLink nor @odata.deltaLink");
            }
            if (requests >= maxPages) {
                throw new RoundTooLongException(resource, maxPages);
            }
            page = graph.getLink(accountId, next, request);
            requests++;
        }
    }

    private static GraphClientRequest request(SyncResource resource, String pathAndQuery) {
        GraphClientRequest request = GraphClientRequest.get(pathAndQuery);
        return resource.prefer().map(prefer -> request.header("Prefer", prefer)).orElse(request);
    }

    /** A round that would take more than the allowed pages; the previous link stays. */
    static final class RoundTooLongException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RoundTooLongException(SyncResource resource, int maxPages) {
            super("The delta round of " + resource + " is longer than " + maxPages
                    + " pages (m365.mcp.sync.max-pages); it is abandoned");
        }
    }
}
