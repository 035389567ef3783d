package org.m365mcp.tools.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One inbox rule, compact: Graph's conditions, actions and exceptions without their empty properties.
 *
 * @param id         the rule id for the other emailrules_* tools
 * @param sequence   its place in the order rules run, 1 first
 * @param conditions Graph's {@code messageRulePredicates}; null when the rule applies to every message
 * @param exceptions the same shape as {@code conditions}; null when there are none
 * @param hasError   true when Exchange found the rule broken (e.g. its folder is gone); null otherwise
 */
public record MessageRuleView(
        String id,
        String name,
        int sequence,
        boolean enabled,
        JsonNode conditions,
        JsonNode actions,
        JsonNode exceptions,
        Boolean hasError) {

    static MessageRuleView of(JsonNode rule) {
        return new MessageRuleView(
                rule.path("id").asText(),
                rule.path("displayName").asText(""),
                rule.path("sequence").asInt(),
                rule.path("isEnabled").asBoolean(true),
                compact(rule.get("conditions")),
                compact(rule.get("actions")),
                compact(rule.get("exceptions")),
                rule.path("hasError").asBoolean(false) ? Boolean.TRUE : null);
    }

    /** A copy without null, empty-list or empty-object properties; null when nothing is left. */
    static JsonNode compact(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue().isObject() ? compact(field.getValue()) : field.getValue();
            if (value != null && !value.isNull() && !(value.isContainerNode() && value.isEmpty())) {
                copy.set(field.getKey(), value.deepCopy());
            }
        });
        return copy.isEmpty() ? null : copy;
    }
}
