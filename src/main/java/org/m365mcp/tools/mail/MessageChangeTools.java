package org.m365mcp.tools.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.m365mcp.cache.annotation.Invalidate;
import org.m365mcp.cache.annotation.InvalidatesCache;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphException;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;
import org.m365mcp.tools.Confirmation;
import org.m365mcp.tools.IfMatch;

/**
 * Mail tools that change existing messages: update, read state, flag, categories, move, archive,
 * delete.
 *
 * <ul>
 *   <li>Each invalidates every {@code email_list} of the account as well as the message's
 *       {@code email_get} (SPEC §3): the message's folder is not known without another call, and
 *       listings show read state, flag, importance and categories. {@code email_mark_read}, which
 *       takes several ids, invalidates every {@code email_get} of the account.
 *   <li>An unknown message id is a tool error "no message with id …" naming the argument.
 *   <li>{@code email_update}, {@code email_flag} and {@code email_add_category} take the {@code etag}
 *       {@code email_get} returned and send it as {@code If-Match} ({@link IfMatch}): a message changed
 *       meanwhile is left as it is and the call is a tool error. Their answer carries the new etag.
 * </ul>
 */
@ApplicationScoped
public class MessageChangeTools {

    private static final String ACCOUNT = MailWriteTools.ACCOUNT;
    private static final String MESSAGE = MailWriteTools.MESSAGE;
    private static final String ETAG = "etag from email_get: refused if the message changed since";
    private static final int MAX_IDS = 50;

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    @McpTool(
            name = "email_update",
            idempotent = true,
            description = "Change a message: subject and body (drafts only), importance, categories, read state, flag.")
    @InvalidatesCache({
        @Invalidate(operation = "email_get", param = "message_id"),
        @Invalidate(operation = "email_list"),
        @Invalidate(operation = "emailfolders_*")
    })
    public MessageAnswer emailUpdate(
            @ToolParam(ACCOUNT) String accountId,
            @ToolParam(MESSAGE) String messageId,
            @ToolParam(value = "New subject (drafts only)", defaultValue = "") String subject,
            @ToolParam(value = "New body (drafts only)", defaultValue = "") String body,
            @ToolParam(value = "Body format: text or html", defaultValue = "text") String bodyType,
            @ToolParam(value = "low, normal or high", defaultValue = "") String importance,
            @ToolParam(value = "Replaces all categories; [] clears them", defaultValue = "") List<String> categories,
            @ToolParam(value = "Mark read (true) or unread (false)", defaultValue = "") Boolean isRead,
            @ToolParam(value = "flagged, complete or notFlagged", defaultValue = "") String flag,
            @ToolParam(value = ETAG, defaultValue = "") String etag) {
        accounts.require(accountId);
        MailArguments.messageId("message_id", messageId);
        IfMatch ifMatch = ifMatch(etag);
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        if (!subject.isEmpty()) {
            patch.put("subject", subject);
        }
        if (!body.isEmpty()) {
            patch.set("body", MailArguments.body("body_type", bodyType, body));
        }
        if (!importance.isEmpty()) {
            patch.put("importance", MailArguments.importance("importance", importance));
        }
        if (categories != null) {
            patch.set(
                    "categories",
                    JsonNodeFactory.instance
                            .arrayNode()
                            .addAll(categories.stream()
                                    .map(JsonNodeFactory.instance::textNode)
                                    .toList()));
        }
        if (isRead != null) {
            patch.put("isRead", isRead);
        }
        if (!flag.isEmpty()) {
            patch.putObject("flag").put("flagStatus", MailArguments.flagStatus("flag", flag));
        }
        if (patch.isEmpty()) {
            throw new ToolArgumentException(
                    "message_id",
                    "nothing to change: give subject, body, importance," + " categories, is_read or flag");
        }
        if (patch.has("subject") || patch.has("body")) {
            requireDraft(accountId, messageId, patch.has("subject") ? "subject" : "body");
        }
        return patched(accountId, messageId, patch, ifMatch);
    }

    @McpTool(name = "email_mark_read", idempotent = true, description = "Mark one or more messages read or unread.")
    @InvalidatesCache({
        @Invalidate(operation = "email_get", param = "message_id", argument = "messageIds"),
        @Invalidate(operation = "email_list"),
        @Invalidate(operation = "emailfolders_*")
    })
    public MarkedReadAnswer emailMarkRead(
            @ToolParam(ACCOUNT) String accountId,
            @ToolParam("Message ids from email_list (at most 50)") List<String> messageIds,
            @ToolParam(value = "true: read, false: unread", defaultValue = "true") boolean isRead) {
        accounts.require(accountId);
        if (messageIds.isEmpty() || messageIds.size() > MAX_IDS) {
            throw new ToolArgumentException(
                    "message_ids", "must hold 1 to " + MAX_IDS + " ids, got " + messageIds.size());
        }
        Set<String> ids = new LinkedHashSet<>(messageIds);
        ids.forEach(id -> MailArguments.messageId("message_ids", id));
        ObjectNode patch = JsonNodeFactory.instance.objectNode().put("isRead", isRead);
        List<String> updated = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        for (String id : ids) {
            try {
                graph.patch(accountId, "/me/messages/" + id, patch);
                updated.add(id);
            } catch (GraphException e) {
                if (!e.isNotFound()) {
                    throw e;
                }
                notFound.add(id);
            }
        }
        if (updated.isEmpty()) {
            throw MailFailures.noMessage("message_ids", String.join("', '", notFound));
        }
        return new MarkedReadAnswer(accountId, isRead, updated, notFound);
    }

    @McpTool(
            name = "email_flag",
            idempotent = true,
            description = "Flag a message for follow-up, mark it complete, or clear the flag.")
    @InvalidatesCache({@Invalidate(operation = "email_get", param = "message_id"), @Invalidate(operation = "email_list")
    })
    public MessageAnswer emailFlag(
            @ToolParam(ACCOUNT) String accountId,
            @ToolParam(MESSAGE) String messageId,
            @ToolParam(value = "flagged, complete or notFlagged", defaultValue = "flagged") String status,
            @ToolParam(value = ETAG, defaultValue = "") String etag) {
        accounts.require(accountId);
        MailArguments.messageId("message_id", messageId);
        IfMatch ifMatch = ifMatch(etag);
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putObject("flag").put("flagStatus", MailArguments.flagStatus("status", status));
        return patched(accountId, messageId, patch, ifMatch);
    }

    @McpTool(
            name = "email_add_category",
            idempotent = true,
            description = "Add categories to a message, keeping its others.")
    @InvalidatesCache({@Invalidate(operation = "email_get", param = "message_id"), @Invalidate(operation = "email_list")
    })
    public MessageAnswer emailAddCategory(
            @ToolParam(ACCOUNT) String accountId,
            @ToolParam(MESSAGE) String messageId,
            @ToolParam("Category names, e.g. [\"Red category\"]") List<String> categories,
            @ToolParam(value = ETAG, defaultValue = "") String etag) {
        accounts.require(accountId);
        MailArguments.messageId("message_id", messageId);
        IfMatch ifMatch = ifMatch(etag);
        if (categories.isEmpty() || categories.stream().anyMatch(String::isBlank)) {
            throw new ToolArgumentException("categories", "must name at least one category, without blanks");
        }
        JsonNode current = MailFailures.aboutMessage(
                "message_id",
                messageId,
                () -> graph.get(accountId, "/me/messages/" + messageId + "?$select=categories"));
        Set<String> merged = new LinkedHashSet<>();
        current.path("categories").forEach(c -> merged.add(c.asText()));
        merged.addAll(categories);
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.putArray("categories")
                .addAll(merged.stream().map(JsonNodeFactory.instance::textNode).toList());
        return patched(accountId, messageId, patch, ifMatch);
    }

    @McpTool(
            name = "email_move",
            description = "Move a message to another folder; it gets a new id, which is returned.")
    @InvalidatesCache({
        @Invalidate(operation = "email_list"),
        @Invalidate(operation = "email_get", param = "message_id"),
        @Invalidate(operation = "emailfolders_*")
    })
    public MovedAnswer emailMove(
            @ToolParam(ACCOUNT) String accountId,
            @ToolParam(MESSAGE) String messageId,
            @ToolParam("Destination: inbox, archive, deleteditems, junkemail, … or a folder id") String destination) {
        accounts.require(accountId);
        return move(accountId, messageId, MailArguments.folder("destination", destination));
    }

    @McpTool(name = "email_archive", description = "Move a message to the Archive folder; returns its new id.")
    @InvalidatesCache({
        @Invalidate(operation = "email_list"),
        @Invalidate(operation = "email_get", param = "message_id"),
        @Invalidate(operation = "emailfolders_*")
    })
    public MovedAnswer emailArchive(@ToolParam(ACCOUNT) String accountId, @ToolParam(MESSAGE) String messageId) {
        accounts.require(accountId);
        return move(accountId, messageId, "archive");
    }

    @McpTool(
            name = "email_delete",
            destructive = true,
            description = "Delete a message: to Deleted Items, or for good with permanent=true. Needs confirm=true.")
    @InvalidatesCache({
        @Invalidate(operation = "email_list"),
        @Invalidate(operation = "email_get", param = "message_id"),
        @Invalidate(operation = "emailfolders_*")
    })
    public DeletedAnswer emailDelete(
            @ToolParam(ACCOUNT) String accountId,
            @ToolParam(MESSAGE) String messageId,
            @ToolParam(value = "Delete for good instead of moving to Deleted Items", defaultValue = "false")
                    boolean permanent,
            @ToolParam(value = "Must be true: confirms the deletion", defaultValue = "false") boolean confirm) {
        accounts.require(accountId);
        MailArguments.messageId("message_id", messageId);
        Confirmation.require(
                confirm,
                permanent
                        ? "deletes message '" + messageId + "' for good"
                        : "moves message '" + messageId + "' to Deleted Items");
        MailFailures.aboutMessage("message_id", messageId, () -> {
            if (permanent) {
                graph.post(accountId, "/me/messages/" + messageId + "/permanentDelete", null);
            } else {
                graph.delete(accountId, "/me/messages/" + messageId);
            }
            return null;
        });
        return new DeletedAnswer(accountId, messageId, permanent);
    }

    private MessageAnswer patched(String accountId, String messageId, ObjectNode patch, IfMatch ifMatch) {
        JsonNode message = MailFailures.aboutMessage(
                "message_id", messageId, () -> ifMatch.patch(graph, accountId, "/me/messages/" + messageId, patch));
        return MessageAnswer.of(accountId, message);
    }

    private static IfMatch ifMatch(String etag) {
        return IfMatch.of(etag, "message", "email_get");
    }

    private void requireDraft(String accountId, String messageId, String argument) {
        JsonNode message = MailFailures.aboutMessage(
                "message_id", messageId, () -> graph.get(accountId, "/me/messages/" + messageId + "?$select=isDraft"));
        if (!message.path("isDraft").asBoolean(false)) {
            throw new ToolArgumentException(
                    argument, "can only be changed on a draft; message '" + messageId + "' has been sent or received");
        }
    }

    private MovedAnswer move(String accountId, String messageId, String destination) {
        MailArguments.messageId("message_id", messageId);
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("destinationId", destination);
        try {
            JsonNode moved = graph.post(accountId, "/me/messages/" + messageId + "/move", request);
            return new MovedAnswer(accountId, messageId, moved.path("id").asText(), destination);
        } catch (GraphException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            throw MailFailures.moveNotFound(graph, accountId, messageId, destination);
        }
    }
}
