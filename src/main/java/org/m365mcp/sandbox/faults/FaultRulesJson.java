package org.m365mcp.sandbox.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.SandboxGraphException;

/**
 * The admin API's JSON for faults: {@code {"path_pattern":"/me/messages*","status":429,
 * "retry_after_seconds":2,"count":1}}, or an array of such objects; also {@code method},
 * {@code delay_ms}, {@code code}, {@code message}, {@code skip}.
 *
 * <p>Anything else, or a value of the wrong type, is a 400 naming the problem. Stateless.
 */
public final class FaultRulesJson {

    private static final Set<String> FIELDS = Set.of(
            "path_pattern", "method", "status", "retry_after_seconds", "delay_ms", "count", "code", "message", "skip");

    private FaultRulesJson() {}

    public static List<FaultRule> parse(String body) {
        JsonNode root;
        try {
            root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body == null ? "" : body);
        } catch (java.io.IOException e) {
            throw SandboxGraphException.badRequest("Expected a fault object or an array of them.");
        }
        List<FaultRule> rules = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(node -> rules.add(rule(node)));
        } else if (root != null && root.isObject()) {
            rules.add(rule(root));
        } else {
            throw SandboxGraphException.badRequest("Expected a fault object or an array of them.");
        }
        return rules;
    }

    private static FaultRule rule(JsonNode node) {
        if (!node.isObject()) {
            throw SandboxGraphException.badRequest("Each fault must be a JSON object.");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw SandboxGraphException.badRequest("Unknown fault field '" + name + "'; known: " + FIELDS + ".");
            }
        });
        try {
            return new FaultRule(
                    text(node, "path_pattern"),
                    text(node, "method"),
                    integer(node, "status"),
                    integer(node, "retry_after_seconds"),
                    node.has("delay_ms") ? integer(node, "delay_ms") : 0,
                    integer(node, "count"),
                    text(node, "code"),
                    text(node, "message"),
                    node.has("skip") ? integer(node, "skip") : 0);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw SandboxGraphException.badRequest("Invalid fault: " + e.getMessage() + ".");
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw SandboxGraphException.badRequest("Fault field '" + name + "' must be a string.");
        }
        return value.asText();
    }

    private static Integer integer(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw SandboxGraphException.badRequest("Fault field '" + name + "' must be an integer.");
        }
        return value.asInt();
    }

    public static ArrayNode render(List<FaultRules.Active> active) {
        ArrayNode out = Json.array();
        for (FaultRules.Active a : active) {
            FaultRule r = a.rule();
            ObjectNode node = out.addObject();
            node.put("path_pattern", r.pathPattern());
            putIfSet(node, "method", r.method());
            if (r.status() != null) {
                node.put("status", r.status());
            }
            if (r.retryAfterSeconds() != null) {
                node.put("retry_after_seconds", r.retryAfterSeconds());
            }
            node.put("delay_ms", r.delayMs());
            if (a.remaining() != null) {
                node.put("count", r.count()).put("remaining", a.remaining());
            }
            putIfSet(node, "code", r.code());
            putIfSet(node, "message", r.message());
            if (r.skip() > 0) {
                node.put("skip", r.skip());
            }
        }
        return out;
    }

    private static void putIfSet(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }
}
