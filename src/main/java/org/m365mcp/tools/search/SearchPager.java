package org.m365mcp.tools.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.m365mcp.graph.GraphClient;

/**
 * Reads one query's hits from Graph's Microsoft Search API ({@code POST /search/query}), one entity
 * type per call, paged with {@code from}/{@code size} as Microsoft's search API overview requires.
 *
 * <ul>
 *   <li>Each body holds one search request with one entity type: the service takes a single search
 *       request at a time, and {@code message} and {@code event} each interleave only with
 *       themselves.</li>
 *   <li>A page is at most 25 hits for {@code message} and {@code event}, 1000 for {@code driveItem};
 *       the next page starts where the last one ended, from 0, until the limit, until Graph says no
 *       more results are available, or until a page comes back empty.</li>
 *   <li>{@link #searchAll} runs several types at once, the pages of each type in turn; the Graph
 *       client's per-mailbox cap bounds what reaches Graph at once. The caller runs what no executor
 *       thread has taken, so a full pool cannot deadlock it; every search keeps the calling tool
 *       call's Graph deadline, whichever thread runs it.</li>
 *   <li>Immutable; thread-safe.</li>
 * </ul>
 */
final class SearchPager {

    /** Microsoft's page limit for mail and calendar search. */
    static final int OUTLOOK_PAGE = 25;
    /** Microsoft's page limit for SharePoint and OneDrive search. */
    static final int DRIVE_PAGE = 1000;

    /**
     * One entity type's hits in Graph's order.
     *
     * @param total how many hits Graph counts in all
     * @param more  whether Graph holds hits past those read
     */
    record Found(String entityType, List<JsonNode> hits, int total, boolean more) {

        Found {
            hits = List.copyOf(hits);
        }
    }

    private final GraphClient graph;
    private final String accountId;
    private final String query;
    private final List<String> fields;

    /** @param fields the resource properties to ask for; empty for Graph's defaults */
    SearchPager(GraphClient graph, String accountId, String query, List<String> fields) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.query = Objects.requireNonNull(query, "query");
        this.fields = List.copyOf(fields);
    }

    /** Up to {@code limit} hits of one entity type; Graph's errors as thrown. */
    Found search(String entityType, int limit) {
        int pageMax = "driveItem".equals(entityType) ? DRIVE_PAGE : OUTLOOK_PAGE;
        List<JsonNode> hits = new ArrayList<>();
        int total = 0;
        boolean more = false;
        while (hits.size() < limit) {
            int size = Math.min(pageMax, limit - hits.size());
            JsonNode container = graph.post(accountId, "/search/query", body(entityType, hits.size(), size))
                    .path("value")
                    .path(0)
                    .path("hitsContainers")
                    .path(0);
            JsonNode page = container.path("hits");
            page.forEach(hits::add);
            total = container.path("total").asInt(hits.size());
            more = container.path("moreResultsAvailable").asBoolean();
            if (!more || page.isEmpty()) {
                break;
            }
        }
        return new Found(entityType, hits, total, more);
    }

    /**
     * {@link #search} of each type, at once: every type but the first is offered to {@code executor},
     * the caller searches the first, then each type no executor thread has started yet, and only
     * waits for searches already running. So a caller on the executor's own threads (a background
     * refresh) never waits for a task stuck in its queue, and a busy or refusing executor only makes
     * the search sequential.
     *
     * @return the results in the order of {@code entityTypes}
     */
    List<Found> searchAll(List<String> entityTypes, int limit, Executor executor) {
        // the tool call's deadline goes with each search to whichever thread runs it
        Optional<Instant> deadline = graph.currentDeadline();
        List<Claimable> searches = entityTypes.stream()
                .map(type -> new Claimable(() -> deadline.map(at -> graph.withinDeadline(at, () -> search(type, limit)))
                        .orElseGet(() -> search(type, limit))))
                .toList();
        for (Claimable later : searches.subList(1, searches.size())) {
            try {
                executor.execute(later::run);
            } catch (RejectedExecutionException e) {
                // the caller runs it below
            }
        }
        searches.forEach(Claimable::run);
        try {
            return searches.stream().map(search -> search.result.join()).toList();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** A search that runs once, on whichever thread claims it first. */
    private static final class Claimable {

        private final Supplier<Found> work;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CompletableFuture<Found> result = new CompletableFuture<>();

        Claimable(Supplier<Found> work) {
            this.work = work;
        }

        void run() {
            if (claimed.compareAndSet(false, true)) {
                try {
                    result.complete(work.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }
        }
    }

    /** One page's body: a single request, a single entity type. */
    ObjectNode body(String entityType, int from, int size) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode request = body.putArray("requests").addObject();
        request.putArray("entityTypes").add(entityType);
        request.putObject("query").put("queryString", query);
        request.put("from", from).put("size", size);
        if (!fields.isEmpty()) {
            fields.forEach(request.putArray("fields")::add);
        }
        return body;
    }
}
