package org.m365mcp.sandbox.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.m365mcp.sandbox.common.Entities;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Recipient;
import org.m365mcp.sandbox.common.SandboxGraphException;

/**
 * What Graph's message endpoints do to a mailbox: create a draft, update, move, copy, delete, send,
 * reply, reply all, forward, and the {@code create…} variants that return a draft.
 *
 * <ul>
 *   <li>Each action is atomic on the mailbox; delivery to other sandbox mailboxes happens after the
 *       mailbox is released, so two accounts mailing each other cannot deadlock.
 *   <li>As in Exchange, a moved or copied message gets a new id, and DELETE moves a message to
 *       Deleted Items (deleting it for good only from there).
 * </ul>
 */
final class MessageActions {

    private final Mailbox mailbox;

    MessageActions(Mailbox mailbox) {
        this.mailbox = Objects.requireNonNull(mailbox, "mailbox");
    }

    /** POST …/messages: a new draft in {@code folderRef} (Drafts when {@code null}). */
    ObjectNode createDraft(String folderRef, ObjectNode body) {
        synchronized (mailbox) {
            MailFolder folder = mailbox.requireFolder(folderRef == null ? "drafts" : folderRef);
            String id = mailbox.newId("draft");
            ObjectNode draft =
                    MessageJson.fromRequest(id, folder.id(), conversation(id), mailbox.owner(), mailbox.now(), body);
            mailbox.putMessage(draft);
            return draft;
        }
    }

    ObjectNode update(String id, ObjectNode patch) {
        synchronized (mailbox) {
            ObjectNode message = mailbox.message(id);
            MessageJson.apply(message, patch, mailbox.now());
            mailbox.putMessage(message);
            return message;
        }
    }

    ObjectNode move(String id, ObjectNode body) {
        synchronized (mailbox) {
            MailFolder destination = destination(body);
            ObjectNode message = mailbox.message(id);
            List<ObjectNode> attachments = mailbox.attachments(id);
            mailbox.removeMessage(id);
            return place(message, destination, "moved", attachments);
        }
    }

    ObjectNode copy(String id, ObjectNode body) {
        synchronized (mailbox) {
            MailFolder destination = destination(body);
            return place(mailbox.message(id), destination, "copied", mailbox.attachments(id));
        }
    }

    /** DELETE: to Deleted Items, or gone for good when it is already there. */
    void delete(String id) {
        synchronized (mailbox) {
            ObjectNode message = mailbox.message(id);
            MailFolder deleted = mailbox.requireFolder("deleteditems");
            List<ObjectNode> attachments = mailbox.attachments(id);
            mailbox.removeMessage(id);
            if (!message.path("parentFolderId").asText().equals(deleted.id())) {
                place(message, deleted, "deleted", attachments);
            }
        }
    }

    /** POST …/{id}/permanentDelete: removed with its attachments, wherever it is. */
    void permanentDelete(String id) {
        synchronized (mailbox) {
            mailbox.message(id);
            mailbox.removeMessage(id);
        }
    }

    /** POST …/{id}/send: the draft goes to Sent Items and to its recipients. */
    void send(String id) {
        ObjectNode sent;
        synchronized (mailbox) {
            ObjectNode draft = mailbox.message(id);
            if (!draft.path("isDraft").asBoolean()) {
                throw SandboxGraphException.invalidRequest("Only a draft message can be sent.");
            }
            requireRecipients(draft);
            List<ObjectNode> attachments = mailbox.attachments(id);
            mailbox.removeMessage(id);
            sent = sentCopy(draft, attachments);
        }
        deliver(sent);
    }

    /** POST /me/sendMail {message, saveToSentItems}: sends without a draft. */
    void sendMail(ObjectNode body) {
        JsonNode message = body.path("message");
        if (!message.isObject()) {
            throw SandboxGraphException.invalidRequest("sendMail needs a 'message' object.");
        }
        ObjectNode sent;
        synchronized (mailbox) {
            ObjectNode draft = createDraft(null, (ObjectNode) message);
            mailbox.removeMessage(draft.path("id").asText());
            sent = sentCopy(draft, List.of());
            if (!body.path("saveToSentItems").asBoolean(true)) {
                mailbox.removeMessage(sent.path("id").asText());
            }
        }
        deliver(sent);
    }

    /** POST …/{id}/reply, replyAll, forward: sent at once with the comment above the original. */
    void respond(String id, Response kind, ObjectNode body) {
        ObjectNode sent;
        synchronized (mailbox) {
            ObjectNode draft = createResponse(id, kind, body);
            mailbox.removeMessage(draft.path("id").asText());
            sent = sentCopy(draft, List.of());
        }
        deliver(sent);
    }

    /** POST …/{id}/createReply, createReplyAll, createForward: the response as a draft. */
    ObjectNode createResponse(String id, Response kind, ObjectNode body) {
        synchronized (mailbox) {
            ObjectNode original = mailbox.message(id);
            List<Recipient> to = kind.recipients(original, mailbox.owner(), body);
            if (kind == Response.FORWARD && to.isEmpty() && body.has("comment")) {
                throw SandboxGraphException.invalidRequest("Forward needs at least one recipient in 'toRecipients'.");
            }
            ObjectNode draft = Json.object();
            draft.put("subject", kind.prefix + original.path("subject").asText().replaceFirst("^(RE|FW): ", ""));
            String quoted = "\n\n-----Original Message-----\nFrom: "
                    + original.path("from").path("emailAddress").path("name").asText() + "\nSubject: "
                    + original.path("subject").asText() + "\n\n"
                    + original.path("body").path("content").asText();
            draft.putObject("body")
                    .put("contentType", "text")
                    .put("content", body.path("comment").asText("") + quoted);
            draft.set("toRecipients", MessageJson.recipients(to));
            if (kind == Response.REPLY_ALL) {
                draft.set(
                        "ccRecipients",
                        MessageJson.recipients(Response.others(original.path("ccRecipients"), mailbox.owner())));
            }
            if (body.path("message").isObject()) {
                Json.merge(draft, (ObjectNode) body.get("message"));
            }
            ObjectNode created = createDraft(null, draft);
            created.put("conversationId", original.path("conversationId").asText());
            mailbox.putMessage(created);
            return created;
        }
    }

    /** Which response and whom it goes to. */
    enum Response {
        REPLY("RE: "),
        REPLY_ALL("RE: "),
        FORWARD("FW: ");

        private final String prefix;

        Response(String prefix) {
            this.prefix = prefix;
        }

        List<Recipient> recipients(ObjectNode original, Recipient owner, ObjectNode body) {
            if (this == FORWARD) {
                return MessageJson.recipientsOf(body.path("toRecipients"));
            }
            Map<String, Recipient> to = new LinkedHashMap<>();
            Recipient from = Recipient.fromJson(original.path("from"));
            to.put(from.address().toLowerCase(), from);
            if (this == REPLY_ALL) {
                others(original.path("toRecipients"), owner)
                        .forEach(r -> to.putIfAbsent(r.address().toLowerCase(), r));
            }
            if (from.equals(owner) && this == REPLY) { // replying to one's own message goes to its recipients
                return others(original.path("toRecipients"), owner);
            }
            return new ArrayList<>(to.values());
        }

        static List<Recipient> others(JsonNode recipients, Recipient owner) {
            return MessageJson.recipientsOf(recipients).stream()
                    .filter(r -> !r.address().equalsIgnoreCase(owner.address()))
                    .toList();
        }
    }

    private static void requireRecipients(ObjectNode draft) {
        if (draft.path("toRecipients").isEmpty()
                && draft.path("ccRecipients").isEmpty()
                && draft.path("bccRecipients").isEmpty()) {
            throw new SandboxGraphException(
                    400,
                    "ErrorInvalidRecipients",
                    "At least one recipient isn't valid., A message can't be sent because it contains no recipients.");
        }
    }

    private ObjectNode sentCopy(ObjectNode draft, List<ObjectNode> attachments) {
        requireRecipients(draft);
        ObjectNode sent = draft.deepCopy();
        sent.put("isDraft", false);
        sent.put("isRead", true);
        sent.put("sentDateTime", mailbox.now().toString());
        sent.put("receivedDateTime", mailbox.now().toString());
        return place(sent, mailbox.requireFolder("sentitems"), "sent", attachments);
    }

    private ObjectNode place(ObjectNode message, MailFolder folder, String kind, List<ObjectNode> attachments) {
        ObjectNode placed = message.deepCopy();
        MessageJson.reidentify(placed, mailbox.newId(kind));
        placed.put("parentFolderId", folder.id());
        Entities.touch(placed, mailbox.now());
        placed.put("hasAttachments", !attachments.isEmpty());
        mailbox.setAttachments(placed.path("id").asText(), attachments); // before the message: one change, not two
        mailbox.putMessage(placed);
        return mailbox.message(placed.path("id").asText());
    }

    private void deliver(ObjectNode sent) {
        for (String list : List.of("toRecipients", "ccRecipients", "bccRecipients")) {
            ArrayNode people = (ArrayNode) sent.path(list);
            people.forEach(r -> mailbox.delivery().deliver(sent, Recipient.fromJson(r)));
        }
    }

    private MailFolder destination(ObjectNode body) {
        String ref = body.path("destinationId").asText("");
        if (ref.isBlank()) {
            throw SandboxGraphException.invalidRequest("The 'destinationId' parameter is required.");
        }
        return mailbox.requireFolder(ref);
    }

    private String conversation(String id) {
        return "AAQkAG" + id.substring(6, 42) + "=";
    }
}
