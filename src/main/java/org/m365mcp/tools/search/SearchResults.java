package org.m365mcp.tools.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.m365mcp.mcp.ToolArgumentException;

/**
 * Builds {@code POST /search/query} bodies and merges their responses.
 *
 * <ul>
 *   <li>Graph takes {@code message} and {@code event} together but {@code driveItem} only alone, so a
 *       search over all three is two requests in one body.</li>
 *   <li>Hits of several requests are merged by Graph's rank (each request ranks its own hits), ties in
 *       request order, then cut to the limit.</li>
 * </ul>
 */
final class SearchResults {

    static final List<List<String>> UNIFIED = List.of(List.of("message", "event"), List.of("driveItem"));
    static final List<List<String>> FILES = List.of(List.of("driveItem"));

    static final int MAX_QUERY_LENGTH = 500;

    private SearchResults() {
    }

    /** A KQL query string as the search API takes it in its JSON body: trimmed, 1–500 characters, one line. */
    static String queryString(String argument, String query) {
        String text = query.strip();
        if (text.isEmpty() || text.length() > MAX_QUERY_LENGTH) {
            throw new ToolArgumentException(argument, "must be 1 to " + MAX_QUERY_LENGTH + " characters");
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new ToolArgumentException(argument, "must not contain control characters or line breaks");
        }
        return text;
    }

    static ObjectNode body(List<List<String>> entityTypes, String query, int size) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode body = json.objectNode();
        ArrayNode requests = body.putArray("requests");
        for (List<String> types : entityTypes) {
            ObjectNode request = requests.addObject();
            types.forEach(request.putArray("entityTypes")::add);
            request.putObject("query").put("queryString", query);
            request.put("from", 0).put("size", size);
        }
        return body;
    }

    static SearchAnswer answer(String accountId, String query, JsonNode response, int limit) {
        List<SearchHit> hits = new ArrayList<>();
        int total = 0;
        boolean more = false;
        for (JsonNode searchResponse : response.path("value")) {
            for (JsonNode container : searchResponse.path("hitsContainers")) {
                total += container.path("total").asInt();
                more |= container.path("moreResultsAvailable").asBoolean();
                container.path("hits").forEach(hit -> hits.add(SearchHit.of(hit)));
            }
        }
        // A stable sort keeps request order among equal ranks.
        List<SearchHit> ranked = hits.stream().sorted(Comparator.comparingInt(SearchHit::rank)).toList();
        List<SearchHit> shown = ranked.subList(0, Math.min(limit, ranked.size()));
        return new SearchAnswer(accountId, query, total, shown.size(), more || shown.size() < ranked.size(),
                shown, null);
    }
}
