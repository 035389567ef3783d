package org.m365mcp.tools.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/**
 * One hit of the Microsoft Search API, compact: what it is, its id for the type's get tool, a title and
 * the matched text.
 *
 * @param type    message, event or driveItem
 * @param id      the resource id (email_get, calendar_get_event or file_get)
 * @param title   the subject, or a file's name
 * @param summary the matched text, highlight markup removed; null when Graph gave none
 * @param rank    Graph's rank within its request (1 = best)
 */
public record SearchHit(String type, String id, String title, String summary, int rank) {

    private static final Pattern HIGHLIGHT = Pattern.compile("</?c0>");
    private static final String TYPE_PREFIX = "#microsoft.graph.";

    /** A hit of a {@code hitsContainers[].hits[]} element; the type from the resource's {@code @odata.type}. */
    static SearchHit of(JsonNode hit) {
        JsonNode resource = hit.path("resource");
        String type = resource.path("@odata.type").asText("");
        type = type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
        String title = resource.hasNonNull("subject")
                ? resource.path("subject").asText()
                : resource.path("name").asText(null);
        String id = resource.hasNonNull("id")
                ? resource.path("id").asText()
                : hit.path("hitId").asText(null);
        return new SearchHit(
                type,
                id,
                title,
                summary(hit.path("summary").asText(null)),
                hit.path("rank").asInt());
    }

    static String summary(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return HIGHLIGHT.matcher(text).replaceAll("").replace("<ddd/>", "…").strip();
    }
}
