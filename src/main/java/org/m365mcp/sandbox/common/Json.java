package org.m365mcp.sandbox.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;

/**
 * JSON helpers shared by every sandbox capability: request bodies, property paths, Graph's dates.
 *
 * <ul>
 *   <li>The sandbox keeps each entity in Graph's own JSON shape, so a PATCH merges properties and
 *       {@code $select} picks them exactly as Graph does.
 *   <li>Stateless and thread-safe.
 * </ul>
 */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter GRAPH_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS");

    private Json() {}

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** A request body that must be a JSON object; empty or malformed is Graph's 400. */
    public static ObjectNode body(String text) {
        if (text == null || text.isBlank()) {
            throw SandboxGraphException.invalidRequest("Empty Payload. JSON content expected.");
        }
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            // answered below
        }
        throw SandboxGraphException.invalidRequest("Invalid JSON payload: a JSON object was expected.");
    }

    /** Like {@link #body} but an empty body is an empty object (actions whose body is optional). */
    public static ObjectNode optionalBody(String text) {
        return text == null || text.isBlank() ? object() : body(text);
    }

    /** The node at a Graph property path ({@code flag/flagStatus}), or a missing node. */
    public static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("/")) {
            current = current.path(part);
        }
        return current;
    }

    /** Copies every field of {@code patch} onto {@code target}, replacing whole values, as PATCH does. */
    public static void merge(ObjectNode target, ObjectNode patch) {
        patch.fields().forEachRemaining(e -> target.set(e.getKey(), e.getValue().deepCopy()));
    }

    public static ArrayNode strings(Collection<String> values) {
        ArrayNode array = array();
        values.forEach(array::add);
        return array;
    }

    /** Graph's {@code dateTimeTimeZone} in UTC: {@code {"dateTime":"2026-01-15T09:00:00.0000000","timeZone":"UTC"}}. */
    public static ObjectNode dateTimeTimeZone(Instant instant) {
        return object().put("dateTime", GRAPH_LOCAL.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)))
                .put("timeZone", "UTC");
    }

    /**
     * Reads a {@code dateTimeTimeZone} or a bare date-time text as an instant; a local date-time
     * without an offset is taken as UTC (the sandbox serves UTC only).
     */
    public static Instant instant(JsonNode node) {
        String text = node.isObject() ? node.path("dateTime").asText("") : node.asText("");
        return parseInstant(text);
    }

    /** {@code 2026-01-15T09:00:00Z}, {@code 2026-01-15T09:00:00.0000000} or {@code 2026-01-15T09:00:00}. */
    public static Instant parseInstant(String text) {
        try {
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw SandboxGraphException.invalidRequest("Cannot convert the literal '" + text + "' to a date-time.");
        }
    }
}
