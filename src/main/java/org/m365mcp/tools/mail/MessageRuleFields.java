package org.m365mcp.tools.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.tools.Recipients;

/**
 * Reads the {@code conditions}, {@code exceptions} and {@code actions} arguments of the rule tools:
 * JSON objects with Graph's {@code messageRulePredicates} / {@code messageRuleActions} property names.
 *
 * <ul>
 *   <li>Checked lightly: known property names, the JSON type each needs, choices, email addresses
 *       and folder ids. Graph has the last word on the rest.</li>
 *   <li>Forgiving where it costs nothing: an address may be given as plain text and becomes Graph's
 *       recipient object; a single text becomes a one-element list.</li>
 *   <li>Stateless and thread-safe.</li>
 * </ul>
 */
final class MessageRuleFields {

    static final Set<String> PREDICATES = Set.of(
            "bodyContains",
            "bodyOrSubjectContains",
            "categories",
            "fromAddresses",
            "hasAttachments",
            "headerContains",
            "importance",
            "isApprovalRequest",
            "isAutomaticForward",
            "isAutomaticReply",
            "isEncrypted",
            "isMeetingRequest",
            "isMeetingResponse",
            "isNonDeliveryReport",
            "isPermissionControlled",
            "isReadReceipt",
            "isSigned",
            "isVoicemail",
            "messageActionFlag",
            "notSentToMe",
            "recipientContains",
            "senderContains",
            "sensitivity",
            "sentCcMe",
            "sentOnlyToMe",
            "sentToAddresses",
            "sentToMe",
            "sentToOrCcMe",
            "subjectContains",
            "withinSizeRange");
    static final Set<String> ACTIONS = Set.of(
            "assignCategories",
            "copyToFolder",
            "delete",
            "forwardAsAttachmentTo",
            "forwardTo",
            "markAsRead",
            "markImportance",
            "moveToFolder",
            "permanentDelete",
            "redirectTo",
            "stopProcessingRules");

    private static final Set<String> ADDRESSES =
            Set.of("fromAddresses", "sentToAddresses", "forwardTo", "redirectTo", "forwardAsAttachmentTo");
    private static final Set<String> TEXTS = Set.of(
            "bodyContains",
            "bodyOrSubjectContains",
            "categories",
            "headerContains",
            "recipientContains",
            "senderContains",
            "subjectContains",
            "assignCategories");
    private static final Set<String> FOLDERS = Set.of("moveToFolder", "copyToFolder");
    private static final Set<String> IMPORTANCE = Set.of("low", "normal", "high");
    private static final Map<String, Set<String>> CHOICES = Map.of(
            "importance",
            IMPORTANCE,
            "markImportance",
            IMPORTANCE,
            "sensitivity",
            Set.of("normal", "personal", "private", "confidential"),
            "messageActionFlag",
            Set.of(
                    "any",
                    "call",
                    "doNotForward",
                    "followUp",
                    "fyi",
                    "forward",
                    "noResponseNecessary",
                    "read",
                    "reply",
                    "replyToAll",
                    "review"));
    private static final String SIZE_RANGE = "withinSizeRange";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MessageRuleFields() {}

    /**
     * The checked object of {@code argument}, ready for Graph; null when {@code text} is empty.
     *
     * @param known {@link #PREDICATES} or {@link #ACTIONS}
     * @throws ToolArgumentException naming {@code argument} for anything that is not such an object
     */
    static ObjectNode parse(String argument, String text, Set<String> known) {
        if (text == null || text.isBlank()) {
            return null;
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ToolArgumentException(
                    argument,
                    "must be a JSON object, e.g. " + example(known) + "; it does not parse: " + e.getOriginalMessage());
        }
        if (!(parsed instanceof ObjectNode object)) {
            throw new ToolArgumentException(argument, "must be a JSON object, e.g. " + example(known));
        }
        ObjectNode checked = JsonNodeFactory.instance.objectNode();
        object.fields().forEachRemaining(field -> {
            String name = field.getKey();
            if (!known.contains(name)) {
                throw new ToolArgumentException(
                        argument,
                        "has an unknown property '" + name + "'; known: " + String.join(", ", new TreeSet<>(known)));
            }
            checked.set(name, value(argument + "." + name, name, field.getValue()));
        });
        return checked;
    }

    private static JsonNode value(String where, String name, JsonNode value) {
        if (ADDRESSES.contains(name)) {
            ArrayNode recipients = JsonNodeFactory.instance.arrayNode();
            listOf(where, value).forEach(entry -> recipients.add(recipient(where, entry)));
            return nonEmpty(where, recipients);
        }
        if (TEXTS.contains(name)) {
            ArrayNode texts = JsonNodeFactory.instance.arrayNode();
            listOf(where, value).forEach(entry -> {
                if (!entry.isTextual() || entry.asText().isBlank()) {
                    throw new ToolArgumentException(where, "must be a list of non-empty texts");
                }
                texts.add(entry.asText());
            });
            return nonEmpty(where, texts);
        }
        if (FOLDERS.contains(name)) {
            return JsonNodeFactory.instance.textNode(
                    IdArguments.folder(where, value.isTextual() ? value.asText() : null));
        }
        if (CHOICES.containsKey(name)) {
            if (!value.isTextual() || !CHOICES.get(name).contains(value.asText())) {
                throw new ToolArgumentException(where, "must be one of " + new TreeSet<>(CHOICES.get(name)));
            }
            return value;
        }
        if (name.equals(SIZE_RANGE)) {
            if (!value.isObject()
                    || !value.path("minimumSize").canConvertToInt()
                    || !value.path("maximumSize").canConvertToInt()) {
                throw new ToolArgumentException(where, "must be {\"minimumSize\": KB, \"maximumSize\": KB}");
            }
            return value;
        }
        if (!value.isBoolean()) {
            throw new ToolArgumentException(where, "must be true or false");
        }
        return value;
    }

    private static Iterable<JsonNode> listOf(String where, JsonNode value) {
        if (value.isArray()) {
            return value;
        }
        if (value.isTextual() || value.isObject()) {
            return JsonNodeFactory.instance.arrayNode().add(value);
        }
        throw new ToolArgumentException(where, "must be a list");
    }

    private static ArrayNode nonEmpty(String where, ArrayNode list) {
        if (list.isEmpty()) {
            throw new ToolArgumentException(where, "must not be empty");
        }
        return list;
    }

    /** Graph's recipient, {@code {"emailAddress":{"address":…,"name":…}}}, from text or either object form. */
    private static ObjectNode recipient(String where, JsonNode entry) {
        JsonNode inner = entry.has("emailAddress") ? entry.get("emailAddress") : entry;
        if (inner.isTextual()) {
            return Recipients.recipient(where, inner.asText());
        }
        ObjectNode recipient = Recipients.recipient(where, inner.path("address").asText(""));
        String name = inner.path("name").asText("");
        if (!name.isBlank()) {
            ((ObjectNode) recipient.get("emailAddress")).put("name", name);
        }
        return recipient;
    }

    private static String example(Set<String> known) {
        return known == ACTIONS
                ? "{\"moveToFolder\":\"<folder id>\",\"markAsRead\":true}"
                : "{\"senderContains\":[\"contoso\"],\"subjectContains\":[\"invoice\"]}";
    }
}
