package org.m365mcp.tools.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.m365mcp.cache.annotation.Invalidate;
import org.m365mcp.cache.annotation.InvalidatesCache;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;
import org.m365mcp.tools.Recipients;

/**
 * Mail tools that write new mail: drafts, sending, replies and forwards.
 *
 * <ul>
 *   <li>Each declares what it makes stale (SPEC §3): the Sent Items and Drafts listings it adds to
 *       or takes from, and a sent draft's {@code email_get}. Mail delivered to another signed-in
 *       account is not invalidated there: it shows up when that account's listing expires, as new
 *       mail does.
 *   <li>Sending is never repeated: when Graph does not answer, the error says the mail may or may
 *       not have gone out ({@link MailFailures#sending}).
 *   <li>Changes to existing messages are in {@link MessageChangeTools}.
 * </ul>
 */
@ApplicationScoped
public class MailWriteTools {

    static final String ACCOUNT = "Account id from account_list";
    static final String MESSAGE = "Message id from email_list";

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    @McpTool(
            name = "email_create_draft",
            description = "Save a new message in Drafts without sending it; returns its draft_id.")
    @InvalidatesCache({
        @Invalidate(operation = "email_list", param = "folder", value = "drafts"),
        @Invalidate(operation = "emailfolders_*")
    })
    public DraftAnswer emailCreateDraft(
            @ToolParam(ACCOUNT) String accountId,
            @ToolParam(value = "Recipients: name@example.com or Name <name@example.com>", defaultValue = "")
                    List<String> to,
            @ToolParam(value = "Cc recipients", defaultValue = "") List<String> cc,
            @ToolParam(value = "Bcc recipients", defaultValue = "") List<String> bcc,
            @ToolParam(value = "Subject", defaultValue = "") String subject,
            @ToolParam(value = "Body", defaultValue = "") String body,
            @ToolParam(value = "Body format: text or html", defaultValue = "text") String bodyType,
            @ToolParam(value = "low, normal or high", defaultValue = "normal") String importance) {
        accounts.require(accountId);
        OutgoingMessage message = OutgoingMessage.of(to, cc, bcc, subject, body, bodyType, importance);
        JsonNode draft = graph.post(accountId, "/me/messages", message.toGraph());
        return new DraftAnswer(
                accountId, draft.path("id").asText(), draft.path("subject").asText(""), message.addresses());
    }

    @McpTool(name = "email_send", description = "Send a new message, or send an existing draft by draft_id.")
    @InvalidatesCache({
        @Invalidate(operation = "email_list", param = "folder", value = "sentitems"),
        @Invalidate(operation = "email_list", param = "folder", value = "drafts"),
        @Invalidate(operation = "email_get", param = "message_id", argument = "draftId"),
        @Invalidate(operation = "emailfolders_*")
    })
    public SentAnswer emailSend(
            @ToolParam(ACCOUNT) String accountId,
            @ToolParam(value = "Recipients: name@example.com or Name <name@example.com>", defaultValue = "")
                    List<String> to,
            @ToolParam(value = "Cc recipients", defaultValue = "") List<String> cc,
            @ToolParam(value = "Bcc recipients", defaultValue = "") List<String> bcc,
            @ToolParam(value = "Subject", defaultValue = "") String subject,
            @ToolParam(value = "Body", defaultValue = "") String body,
            @ToolParam(value = "Body format: text or html", defaultValue = "text") String bodyType,
            @ToolParam(value = "low, normal or high", defaultValue = "normal") String importance,
            @ToolParam(value = "Send this draft as it is instead (leave the message fields out)", defaultValue = "")
                    String draftId) {
        accounts.require(accountId);
        if (!draftId.isEmpty()) {
            if (to != null || cc != null || bcc != null || !subject.isEmpty() || !body.isEmpty()) {
                throw new ToolArgumentException(
                        "draft_id",
                        "sends the draft as it is: leave to, cc, bcc, subject"
                                + " and body out (change the draft with email_update first)");
            }
            MailArguments.messageId("draft_id", draftId);
            MailFailures.sending(
                    "draft_id", draftId, () -> graph.post(accountId, "/me/messages/" + draftId + "/send", null));
            return new SentAnswer(accountId, "sent", draftId, null, null);
        }
        OutgoingMessage message = OutgoingMessage.of(to, cc, bcc, subject, body, bodyType, importance)
                .requireSendable();
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.set("message", message.toGraph());
        request.put("saveToSentItems", true);
        MailFailures.sending(null, null, () -> graph.post(accountId, "/me/sendMail", request));
        return new SentAnswer(accountId, "sent", null, message.subject(), message.addresses());
    }

    @McpTool(name = "email_reply", description = "Reply to the sender of a message, at once.")
    @InvalidatesCache({
        @Invalidate(operation = "email_list", param = "folder", value = "sentitems"),
        @Invalidate(operation = "emailfolders_*")
    })
    public SentAnswer emailReply(
            @ToolParam(ACCOUNT) String accountId,
            @ToolParam(MESSAGE) String messageId,
            @ToolParam("Reply text, placed above the quoted message") String comment) {
        return respond(accountId, messageId, "reply", "replied", comment, null);
    }

    @McpTool(name = "email_reply_all", description = "Reply to the sender and all recipients of a message, at once.")
    @InvalidatesCache({
        @Invalidate(operation = "email_list", param = "folder", value = "sentitems"),
        @Invalidate(operation = "emailfolders_*")
    })
    public SentAnswer emailReplyAll(
            @ToolParam(ACCOUNT) String accountId,
            @ToolParam(MESSAGE) String messageId,
            @ToolParam("Reply text, placed above the quoted message") String comment) {
        return respond(accountId, messageId, "replyAll", "replied_all", comment, null);
    }

    @McpTool(name = "email_forward", description = "Forward a message to new recipients, at once.")
    @InvalidatesCache({
        @Invalidate(operation = "email_list", param = "folder", value = "sentitems"),
        @Invalidate(operation = "emailfolders_*")
    })
    public SentAnswer emailForward(
            @ToolParam(ACCOUNT) String accountId,
            @ToolParam(MESSAGE) String messageId,
            @ToolParam("Recipients: name@example.com or Name <name@example.com>") List<String> to,
            @ToolParam(value = "Text placed above the forwarded message", defaultValue = "") String comment) {
        if (to.isEmpty()) {
            throw new ToolArgumentException("to", "is empty: a forward needs at least one recipient");
        }
        return respond(accountId, messageId, "forward", "forwarded", comment, to);
    }

    private SentAnswer respond(
            String accountId, String messageId, String action, String done, String comment, List<String> forwardTo) {
        accounts.require(accountId);
        MailArguments.messageId("message_id", messageId);
        if (forwardTo == null && comment.isBlank()) {
            throw new ToolArgumentException("comment", "is empty: write the reply's text");
        }
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("comment", comment);
        List<String> addresses = null;
        if (forwardTo != null) {
            ArrayNode recipients = Recipients.recipients("to", forwardTo);
            request.set("toRecipients", recipients);
            addresses = Recipients.addresses(recipients);
        }
        MailFailures.sending(
                "message_id",
                messageId,
                () -> graph.post(accountId, "/me/messages/" + messageId + "/" + action, request));
        return new SentAnswer(accountId, done, messageId, null, addresses);
    }
}
