package org.m365mcp.sandbox.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.m365mcp.sandbox.common.Entities;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Recipient;
import org.m365mcp.sandbox.common.SandboxGraphException;

/**
 * Builds and edits messages in Graph v1.0's {@code microsoft.graph.message} JSON shape.
 *
 * <ul>
 *   <li>Dates are ISO-8601 instants in UTC ({@code 2026-01-15T09:27:00Z}), as Graph sends them.
 *   <li>Only the properties Graph lets a client write may be set ({@link #WRITABLE}); anything else
 *       is a 400 {@code ErrorInvalidPropertyRequest}.
 *   <li>Stateless and thread-safe.
 * </ul>
 */
final class MessageJson {

    /** What POST and PATCH may set on a message. */
    static final Set<String> WRITABLE = Set.of(
            "subject",
            "body",
            "toRecipients",
            "ccRecipients",
            "bccRecipients",
            "replyTo",
            "importance",
            "categories",
            "flag",
            "isRead",
            "isReadReceiptRequested",
            "isDeliveryReceiptRequested",
            "inferenceClassification",
            "from",
            "sender",
            "internetMessageId");

    private MessageJson() {}

    static ObjectNode render(SandboxMessage m) {
        ObjectNode node = base(m.id(), m.parentFolderId(), m.conversationId(), m.from(), m.receivedDateTime());
        node.set("categories", Json.strings(m.categories()));
        node.put("hasAttachments", m.hasAttachments());
        node.put("subject", m.subject());
        node.put("importance", m.importance());
        node.put("isRead", m.isRead());
        node.put("isDraft", m.isDraft());
        node.putObject("body").put("contentType", "text").put("content", m.body());
        node.put("bodyPreview", m.bodyPreview());
        node.set("toRecipients", recipients(m.toRecipients()));
        node.set("ccRecipients", recipients(m.ccRecipients()));
        node.putObject("flag").put("flagStatus", m.flagStatus());
        return node;
    }

    /** A new message of {@code owner} from a POST body; a draft until it is sent. */
    static ObjectNode fromRequest(
            String id, String folderId, String conversationId, Recipient owner, Instant now, ObjectNode request) {
        ObjectNode node = base(id, folderId, conversationId, owner, now);
        node.putArray("categories");
        node.put("hasAttachments", false);
        node.put("subject", "");
        node.put("importance", "normal");
        node.put("isRead", true);
        node.put("isDraft", true);
        node.putObject("body").put("contentType", "text").put("content", "");
        node.putArray("toRecipients");
        node.putArray("ccRecipients");
        node.putObject("flag").put("flagStatus", "notFlagged");
        apply(node, request, now);
        return node;
    }

    /** Applies a PATCH (or a POST body) to {@code message}: validated, merged, preview and change key renewed. */
    static void apply(ObjectNode message, ObjectNode patch, Instant now) {
        ObjectNode clean = Entities.writable(patch, WRITABLE, "a message");
        for (String list : List.of("toRecipients", "ccRecipients", "bccRecipients", "replyTo")) {
            if (patch.has(list)) {
                patch.get(list).forEach(Recipient::fromJson); // validates each address
            }
        }
        if (patch.has("importance")
                && !Set.of("low", "normal", "high")
                        .contains(patch.get("importance").asText())) {
            throw SandboxGraphException.invalidRequest("importance must be low, normal or high.");
        }
        Json.merge(message, clean);
        message.put(
                "bodyPreview",
                Entities.preview(message.path("body").path("content").asText("")));
        Entities.touch(message, now);
    }

    /** Gives {@code message} a new id (Exchange does on move and copy), with its web link. */
    static void reidentify(ObjectNode message, String id) {
        message.put("id", id);
        message.put(
                "webLink",
                "https://outlook.office365.com/owa/?ItemID=" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                        + "&exvsurl=1&viewmodel=ReadMessageItem");
    }

    static ArrayNode recipients(List<Recipient> people) {
        ArrayNode array = Json.array();
        people.forEach(p -> array.add(p.toJson()));
        return array;
    }

    /** Every address of a recipients array. */
    static List<Recipient> recipientsOf(JsonNode array) {
        List<Recipient> out = new java.util.ArrayList<>();
        array.forEach(r -> out.add(Recipient.fromJson(r)));
        return out;
    }

    private static ObjectNode base(String id, String folderId, String conversationId, Recipient from, Instant when) {
        ObjectNode node = Json.object();
        node.put("@odata.etag", "W/\"" + id.substring(6, 30) + "\"");
        node.put("id", id);
        node.put("createdDateTime", when.toString());
        node.put("lastModifiedDateTime", when.toString());
        node.put("changeKey", id.substring(6, 30));
        node.putArray("categories");
        node.put("receivedDateTime", when.toString());
        node.put("sentDateTime", when.toString());
        node.put("hasAttachments", false);
        node.put(
                "internetMessageId",
                "<" + id.substring(6, 22) + "@" + from.address().split("@")[1] + ">");
        node.put("subject", "");
        node.put("bodyPreview", "");
        node.put("importance", "normal");
        node.put("parentFolderId", folderId);
        node.put("conversationId", conversationId);
        node.put("isDeliveryReceiptRequested", false);
        node.put("isReadReceiptRequested", false);
        node.put("isRead", true);
        node.put("isDraft", false);
        node.put(
                "webLink",
                "https://outlook.office365.com/owa/?ItemID=" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                        + "&exvsurl=1&viewmodel=ReadMessageItem");
        node.put("inferenceClassification", "focused");
        node.putObject("body").put("contentType", "text").put("content", "");
        node.set("sender", from.toJson());
        node.set("from", from.toJson());
        node.putArray("toRecipients");
        node.putArray("ccRecipients");
        node.putArray("bccRecipients");
        node.putArray("replyTo");
        node.putObject("flag").put("flagStatus", "notFlagged");
        return node;
    }
}
