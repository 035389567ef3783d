package org.m365mcp.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;

/**
 * Renders a {@link SandboxMessage} as Graph v1.0 renders a {@code microsoft.graph.message}.
 *
 * <ul>
 *   <li>Dates are ISO-8601 instants in UTC ({@code 2026-01-15T09:27:00Z}), as Graph sends them.
 *   <li>{@link #select} keeps {@code @odata.etag}, {@code id} and the listed properties; an unknown
 *       property is Graph's 400 {@code RequestBroker--ParseUri}.
 *   <li>Stateless and thread-safe.
 * </ul>
 */
final class MessageJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Every property {@link #render} writes: what {@code $select} may name. */
    static final Set<String> PROPERTIES = propertyNames();

    private MessageJson() {
    }

    /** Throws Graph's 400 {@code RequestBroker--ParseUri} for a property a message does not have. */
    static void requireKnown(List<String> select) {
        for (String property : select) {
            if (!PROPERTIES.contains(property) || property.startsWith("@")) {
                throw new SandboxGraphException(400, "RequestBroker--ParseUri",
                        "Could not find a property named '" + property + "' on type 'microsoft.graph.message'.");
            }
        }
    }

    static ObjectNode render(SandboxMessage m) {
        String when = m.receivedDateTime().toString();
        ObjectNode node = NODES.objectNode();
        node.put("@odata.etag", "W/\"" + m.id().substring(6, 30) + "\"");
        node.put("id", m.id());
        node.put("createdDateTime", when);
        node.put("lastModifiedDateTime", when);
        node.put("changeKey", m.id().substring(6, 30));
        strings(node.putArray("categories"), m.categories());
        node.put("receivedDateTime", when);
        node.put("sentDateTime", when);
        node.put("hasAttachments", m.hasAttachments());
        node.put("internetMessageId", "<" + m.id().substring(6, 22) + "@" + m.from().address().split("@")[1] + ">");
        node.put("subject", m.subject());
        node.put("bodyPreview", m.bodyPreview());
        node.put("importance", m.importance());
        node.put("parentFolderId", m.parentFolderId());
        node.put("conversationId", m.conversationId());
        node.put("isDeliveryReceiptRequested", false);
        node.put("isReadReceiptRequested", false);
        node.put("isRead", m.isRead());
        node.put("isDraft", m.isDraft());
        node.put("webLink", "https://outlook.office365.com/owa/?ItemID="
                + URLEncoder.encode(m.id(), StandardCharsets.UTF_8) + "&exvsurl=1&viewmodel=ReadMessageItem");
        node.put("inferenceClassification", "focused");
        ObjectNode body = node.putObject("body");
        body.put("contentType", "text");
        body.put("content", m.body());
        node.set("sender", recipient(m.from()));
        node.set("from", recipient(m.from()));
        recipients(node.putArray("toRecipients"), m.toRecipients());
        recipients(node.putArray("ccRecipients"), m.ccRecipients());
        node.putArray("bccRecipients");
        node.putArray("replyTo");
        node.putObject("flag").put("flagStatus", m.flagStatus());
        return node;
    }

    /** A copy of {@code full} reduced to {@code select}; {@code full} itself when select is empty. */
    static ObjectNode select(ObjectNode full, List<String> select) {
        if (select.isEmpty()) {
            return full;
        }
        ObjectNode out = NODES.objectNode();
        out.set("@odata.etag", full.get("@odata.etag"));
        out.set("id", full.get("id"));
        requireKnown(select);
        for (String property : select) {
            out.set(property, full.get(property));
        }
        return out;
    }

    private static Set<String> propertyNames() {
        Recipient someone = new Recipient("Someone", "someone@example.invalid");
        SandboxMessage sample = new SandboxMessage("AAMkAGsample000000000000000000", "f", "c", "", someone,
                List.of(), List.of(), Instant.EPOCH, "", false, false, false, "normal", "notFlagged", List.of());
        Set<String> names = new LinkedHashSet<>();
        render(sample).fieldNames().forEachRemaining(names::add);
        return Set.copyOf(names);
    }

    private static ObjectNode recipient(Recipient r) {
        ObjectNode node = NODES.objectNode();
        node.putObject("emailAddress").put("name", r.name()).put("address", r.address());
        return node;
    }

    private static void recipients(ArrayNode array, List<Recipient> people) {
        people.forEach(p -> array.add(recipient(p)));
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
