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
 *   <li>{@code entityTypes} may be {@code message}, {@code event} (together or alone) or
 *       {@code driveItem} (alone), as Graph allows; {@code from}/{@code size} page (size 1–500,
 *       default 25); {@code fields} trims each resource.
 *   <li>Messages rank newest first, events by start time, drive items by last change.
 * </ul>
 */
public final class SearchQuery {

    private static final Set<String> TYPES = Set.of("message", "event", "driveItem");
    private static final Map<String, TextQuery.Fields> FIELDS = Map.of(
            "message", new TextQuery.Fields(List.of("subject", "body/content", "from/emailAddress", "toRecipients"),
                    Map.of("from", List.of("from/emailAddress"), "to", List.of("toRecipients"), "subject", List.of("subject"))),
            "event", new TextQuery.Fields(List.of("subject", "body/content", "location/displayName", "attendees", "organizer"),
                    Map.of("subject", List.of("subject"), "organizer", List.of("organizer"))),
            "driveItem", new TextQuery.Fields(List.of("name", "parentReference/path"),
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
        ObjectNode out = Json.object();
        out.put("@odata.context", request.context("Collection(microsoft.graph.searchResponse)"));
        ArrayNode value = out.putArray("value");
        requests.forEach(r -> value.add(one(r)));
        return out;
    }

    private ObjectNode one(JsonNode request) {
        Set<String> types = new LinkedHashSet<>();
        request.path("entityTypes").forEach(t -> types.add(t.asText()));
        if (types.isEmpty() || !TYPES.containsAll(types) || (types.contains("driveItem") && types.size() > 1)) {
            throw SandboxGraphException.badRequest("entityTypes must be message and/or event, or driveItem alone; got "
                    + types + ".");
        }
        String queryString = request.path("query").path("queryString").asText("");
        TextQuery query = TextQuery.parse(queryString);
        int from = request.path("from").asInt(0);
        int size = request.path("size").asInt(25);
        if (from < 0 || size < 1 || size > 500) {
            throw SandboxGraphException.badRequest("'from' must be 0 or more and 'size' 1 to 500.");
        }
        List<ObjectNode> hits = new ArrayList<>();
        for (String type : types) {
            List<ObjectNode> items = new ArrayList<>(switch (type) {
                case "message" -> sources.messages().get();
                case "event" -> sources.events().get();
                default -> sources.driveItems().get();
            });
            items.removeIf(item -> !query.matches(item, FIELDS.get(type)));
            items.sort(order(type));
            items.forEach(item -> {
                item.put("@odata.type", "#microsoft.graph." + type);
                hits.add(item);
            });
        }
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

    private static Comparator<ObjectNode> order(String type) {
        String key = switch (type) {
            case "message" -> "receivedDateTime";
            case "event" -> "start";
            default -> "lastModifiedDateTime";
        };
        Comparator<ObjectNode> byKey = Comparator.comparing(item -> Json.at(item, key).isObject()
                ? Json.at(item, key).path("dateTime").asText() : Json.at(item, key).asText());
        return type.equals("event") ? byKey : byKey.reversed();
    }

    private static ObjectNode fields(ObjectNode item, JsonNode fields) {
        if (!fields.isArray() || fields.isEmpty()) {
            return item;
        }
        ObjectNode out = Json.object().put("@odata.type", item.path("@odata.type").asText()).put("id", item.path("id").asText());
        fields.forEach(f -> {
            if (item.has(f.asText())) {
                out.set(f.asText(), item.get(f.asText()));
            }
        });
        return out;
    }
}
