package org.m365mcp.sync.notifications;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads a webhook POST as Graph's {@code changeNotificationCollection}
 * (change-notifications-delivery-webhooks): {@code {"value":[changeNotification, …]}}, optionally with
 * {@code validationTokens}; nothing else passes.
 *
 * <ul>
 *   <li>Strict: one JSON object (no trailing content, no duplicate keys, nesting at most
 *       {@value #MAX_DEPTH} deep); {@code value} holds 1 to {@value #MAX_ITEMS} objects; each has a
 *       {@code subscriptionId} string, a {@code clientState} string or null, and exactly one of a known
 *       {@code changeType} or {@code lifecycleEvent}; a change is only accepted at the change URL and a
 *       lifecycle event only at the lifecycle URL. Other fields of an item (resource, resourceData,
 *       tenantId, …) are Graph's and ignored.
 *   <li>The caller limits the body's size before it gets here.
 *   <li>A {@link MalformedNotification}'s message names the rule broken, never the content. Thread-safe.
 * </ul>
 */
final class NotificationBody {

    static final int MAX_ITEMS = 1000;
    static final int MAX_DEPTH = 16;
    private static final int MAX_TEXT = 1024;
    private static final Set<String> TOP_LEVEL = Set.of("value", "validationTokens");
    private static final Set<String> CHANGE_TYPES = Set.of("created", "updated", "deleted");
    private static final Set<String> LIFECYCLE_EVENTS =
            Set.of("reauthorizationRequired", "subscriptionRemoved", "missed");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        JSON.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(64 * 1024)
                        .build());
    }

    private NotificationBody() {}

    /**
     * The notifications in {@code body}.
     *
     * @param lifecycle true at the lifecycle URL, false at the change URL
     * @throws MalformedNotification when it is not Graph's shape
     */
    static List<ChangeNotification> parse(byte[] body, boolean lifecycle) throws MalformedNotification {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException | RuntimeException e) {
            throw new MalformedNotification("the body is not one JSON object");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedNotification("the body is not one JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            if (!TOP_LEVEL.contains(names.next())) {
                throw new MalformedNotification("the body has a field other than value and validationTokens");
            }
        }
        JsonNode value = root.get("value");
        if (value == null || !value.isArray() || value.isEmpty() || value.size() > MAX_ITEMS) {
            throw new MalformedNotification("value must be an array of 1 to " + MAX_ITEMS + " notifications");
        }
        List<ChangeNotification> notifications = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            notifications.add(item(item, lifecycle));
        }
        return List.copyOf(notifications);
    }

    private static ChangeNotification item(JsonNode item, boolean lifecycle) throws MalformedNotification {
        if (!item.isObject()) {
            throw new MalformedNotification("a notification is not a JSON object");
        }
        String subscriptionId = text(item, "subscriptionId", true);
        String clientState = text(item, "clientState", false);
        String changeType = text(item, "changeType", false);
        String lifecycleEvent = text(item, "lifecycleEvent", false);
        String id = text(item, "id", false);
        if (lifecycle) {
            if (lifecycleEvent == null || !LIFECYCLE_EVENTS.contains(lifecycleEvent)) {
                throw new MalformedNotification("a lifecycle notification needs a known lifecycleEvent");
            }
            changeType = null;
        } else if (lifecycleEvent != null || changeType == null || !CHANGE_TYPES.contains(changeType)) {
            throw new MalformedNotification("a change notification needs a known changeType and no lifecycleEvent");
        }
        return new ChangeNotification(subscriptionId, clientState, changeType, lifecycleEvent, id);
    }

    private static String text(JsonNode item, String field, boolean required) throws MalformedNotification {
        JsonNode node = item.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new MalformedNotification("a notification has no " + field);
            }
            return null;
        }
        if (!node.isTextual() || node.asText().isEmpty() || node.asText().length() > MAX_TEXT) {
            throw new MalformedNotification(field + " must be a string of 1 to " + MAX_TEXT + " characters");
        }
        return node.asText();
    }
}
