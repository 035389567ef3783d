package org.m365mcp.sandbox.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.m365mcp.sandbox.common.GraphRequest;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.SandboxGraphException;
import org.m365mcp.sandbox.common.TextQuery;

/**
 * Graph's Microsoft Search API, {@code POST /search/query}, over one account's messages, events and
 * drive items: {@code searchResponse} with {@code hitsContainers}, ranked {@code hits} with a
 * highlighted {@code summary}, {@code total} and {@code moreResultsAvailable}.
 *
 * <ul>
 *   <li>One search request per body, as the service takes ("currently supports only a single
 *       searchRequest at a time", Microsoft's search API overview, known limitations).
 *   <li>{@code entityTypes} is {@code message}, {@code event} or {@code driveItem}, one of them:
 *       message and event each interleave only with themselves, and the SharePoint types driveItem
 *       interleaves with are not emulated.
 *   <li>{@code from}/{@code size} page (size default 25; at most 25 for message and event, 1000 for
 *       driveItem, as the overview's "Page search results" says); {@code fields} trims each resource.
 *   <li>Messages rank newest first, events by start time, drive items by last change.
 *   <li>Whatever Graph rejects is a 400 {@code BadRequest}; Microsoft does not document the
 *       messages, so these are the sandbox's own words.
 * </ul>
 */
public final class SearchQuery {

    private static final Map<String, Integer> MAX_SIZE = Map.of("message", 25, "event", 25, "driveItem", 1000);
    private static final Map<String, TextQuery.Fields> FIELDS = Map.of(
            "message",
                    new TextQuery.Fields(
                            List.of("subject", "body/content", "from/emailAddress", "toRecipients"),
                            Map.of(
                                    "from",
                                    List.of("from/emailAddress"),
                                    "to",
                                    List.of("toRecipients"),
                                    "subject",
                                    List.of("subject"))),
            "event",
                    new TextQuery.Fields(
                            List.of("subject", "body/content", "location/displayName", "attendees", "organizer"),
                            Map.of("subject", List.of("subject"), "organizer", List.of("organizer"))),
            "driveItem",
                    new TextQuery.Fields(
                            List.of("name", "parentReference/path"),
                            Map.of("filename", List.of("name"), "path", List.of("parentReference/path"))));

    private final SearchSources sources;

    public SearchQuery(SearchSources sources) {
        this.sources = sources;
    }

    public ObjectNode run(ObjectNode body, GraphRequest request) {
        JsonNode requests = body.path("requests");
        if (!requests.isArray() || requests.isEmpty()) {
            throw SandboxGraphException.badRequest("The search request needs a non-empty 'requests' array.");
        }
        if (requests.size() > 1) {
            throw SandboxGraphException.badRequest(
                    "The search API takes one search request per call; got " + requests.size() + ".");
        }
        ObjectNode out = Json.object();
        out.put("@odata.context", request.context("Collection(microsoft.graph.searchResponse)"));
        out.putArray("value").add(one(requests.get(0)));
        return out;
    }

    private ObjectNode one(JsonNode request) {
        String type = entityType(request.path("entityTypes"));
        String queryString = request.path("query").path("queryString").asText("");
        TextQuery query = TextQuery.parse(queryString);
        int from = request.path("from").asInt(0);
        int size = request.path("size").asInt(25);
        int maxSize = MAX_SIZE.get(type);
        if (from < 0 || size < 1 || size > maxSize) {
            throw SandboxGraphException.badRequest("'from' must be 0 or more and 'size' 1 to " + maxSize + " for "
                    + type + "; got from " + from + ", size " + size + ".");
        }
        List<ObjectNode> hits = new ArrayList<>(
                switch (type) {
                    case "message" -> sources.messages().get();
                    case "event" -> sources.events().get();
                    default -> sources.driveItems().get();
                });
        hits.removeIf(item -> !query.matches(item, FIELDS.get(type)));
        hits.sort(order(type));
        hits.forEach(item -> item.put("@odata.type", "#microsoft.graph." + type));
        ObjectNode response = Json.object();
        response.set("searchTerms", Json.strings(query.words()));
        ObjectNode container = response.putArray("hitsContainers").addObject();
        List<ObjectNode> page = hits.subList(Math.min(from, hits.size()), Math.min(from + size, hits.size()));
        if (!page.isEmpty()) {
            ArrayNode array = container.putArray("hits");
            for (int i = 0; i < page.size(); i++) {
                ObjectNode item = page.get(i);
                ObjectNode hit = array.addObject();
                hit.put("hitId", item.path("id").asText());
                hit.put("rank", from + i + 1);
                hit.put("summary", Highlights.summary(item, query.words()));
                hit.set("resource", fields(item, request.path("fields")));
            }
        }
        container.put("total", hits.size());
        container.put("moreResultsAvailable", from + page.size() < hits.size());
        return response;
    }

    /** The one entity type of a request, or a 400 for a combination Graph rejects or the sandbox lacks. */
    private static String entityType(JsonNode entityTypes) {
        Set<String> types = new LinkedHashSet<>();
        entityTypes.forEach(t -> types.add(t.asText()));
        if (types.size() > 1 && (types.contains("message") || types.contains("event"))) {
            throw SandboxGraphException.badRequest("entityTypes " + types + " cannot be combined: message and event"
                    + " can each only be searched alone.");
        }
        if (types.size() != 1 || !MAX_SIZE.containsKey(types.iterator().next())) {
            throw SandboxGraphException.badRequest(
                    "The sandbox searches one of message, event or driveItem; got " + types + ".");
        }
        return types.iterator().next();
    }

    private static Comparator<ObjectNode> order(String type) {
        String key = switch (type) {
            case "message" -> "receivedDateTime";
            case "event" -> "start";
            default -> "lastModifiedDateTime";
        };
        Comparator<ObjectNode> byKey =
                Comparator.comparing(item -> Json.at(item, key).isObject()
                        ? Json.at(item, key).path("dateTime").asText()
                        : Json.at(item, key).asText());
        return type.equals("event") ? byKey : byKey.reversed();
    }

    private static ObjectNode fields(ObjectNode item, JsonNode fields) {
        if (!fields.isArray() || fields.isEmpty()) {
            return item;
        }
        ObjectNode out = Json.object()
                .put("@odata.type", item.path("@odata.type").asText())
                .put("id", item.path("id").asText());
        fields.forEach(f -> {
            if (item.has(f.asText())) {
                out.set(f.asText(), item.get(f.asText()));
            }
        });
        return out;
    }
}
