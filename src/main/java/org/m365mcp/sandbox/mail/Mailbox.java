package org.m365mcp.sandbox.mail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.m365mcp.sandbox.common.Entities;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Recipient;
import org.m365mcp.sandbox.common.SandboxGraphException;
import org.m365mcp.sandbox.common.SandboxIds;

/**
 * One sandbox user's mailbox: folders, messages (in Graph's JSON shape), their attachments and the
 * inbox rules.
 *
 * <ul>
 *   <li>Thread-safe: every method holds this mailbox's monitor, and callers that need several steps
 *       to be atomic ({@link MessageActions}) synchronize on it too. Returned JSON is always a copy.
 *   <li>Messages are listed newest first ({@code receivedDateTime desc}), Graph's default order.
 *   <li>New ids come from a per-mailbox sequence, so the same requests give the same ids.
 * </ul>
 */
public final class Mailbox {

    private final String accountId;
    private final String userId;
    private final Recipient owner;
    private final Clock clock;
    private final Map<String, MailFolder> folders = new LinkedHashMap<>();
    private final Map<String, ObjectNode> messages = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> attachments = new LinkedHashMap<>();
    private final MessageRules rules;
    private final MailDelivery delivery;
    private long sequence;

    Mailbox(String accountId, Recipient owner, Clock clock, MailboxSeeder.Seed seed, MailDelivery delivery) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.userId = SandboxIds.guid("user|" + owner.address());
        seed.folders().forEach(f -> folders.put(f.id(), f));
        seed.messages().forEach(m -> messages.put(m.id(), MessageJson.render(m)));
        seed.attachments().forEach((id, list) -> attachments.put(id, new ArrayList<>(list)));
        this.rules = new MessageRules(accountId, seed.rules());
    }

    /** Seeds a mailbox for {@code owner}: same seed and anchor, same mailbox. */
    public static Mailbox seeded(String accountId, Recipient owner, long seed, Instant anchor, Clock clock,
            MailDelivery delivery) {
        return new Mailbox(accountId, owner, clock, new MailboxSeeder(accountId, owner, seed, anchor).build(), delivery);
    }

    /** Puts a message sent by someone else into this inbox, unread, under a new id. */
    public void receive(ObjectNode sent) {
        ObjectNode copy = sent.deepCopy();
        synchronized (this) {
            MessageJson.reidentify(copy, newId("received"));
            copy.put("parentFolderId", requireFolder("inbox").id());
            copy.put("isRead", false);
            copy.put("isDraft", false);
            copy.putArray("bccRecipients");
            Entities.touch(copy, now());
            putMessage(copy);
        }
    }

    /** The id our server uses for this account (e.g. {@code demo}). */
    public String accountId() {
        return accountId;
    }

    /** Graph's user object id (a GUID), as shown in {@code @odata.context}. */
    public String userId() {
        return userId;
    }

    public Recipient owner() {
        return owner;
    }

    MessageRules rules() {
        return rules;
    }

    MailDelivery delivery() {
        return delivery;
    }

    Instant now() {
        return clock.instant();
    }

    synchronized String newId(String kind) {
        sequence++;
        return kind.equals("folder") ? SandboxIds.folder(accountId, "new/" + sequence)
                : SandboxIds.message(accountId, kind + "/" + sequence);
    }

    // ---- folders

    synchronized Optional<MailFolder> folder(String ref) {
        return folders.values().stream().filter(f -> f.matches(ref)).findFirst();
    }

    synchronized MailFolder requireFolder(String ref) {
        return folder(ref).orElseThrow(SandboxGraphException::itemNotFound);
    }

    synchronized MailFolder root() {
        return requireFolder("msgfolderroot");
    }

    synchronized List<MailFolder> childFolders(String parentId) {
        return folders.values().stream().filter(f -> parentId.equals(f.parentFolderId())).toList();
    }

    synchronized List<MailFolder> folders() {
        return List.copyOf(folders.values());
    }

    synchronized void putFolder(MailFolder folder) {
        folders.put(folder.id(), folder);
    }

    /** Removes a folder, its subfolders and every message in them. */
    synchronized void removeFolderTree(MailFolder folder) {
        childFolders(folder.id()).forEach(this::removeFolderTree);
        messages.values().removeIf(m -> {
            boolean inside = m.path("parentFolderId").asText().equals(folder.id());
            if (inside) {
                attachments.remove(m.path("id").asText());
            }
            return inside;
        });
        folders.remove(folder.id());
    }

    /** Graph's {@code mailFolder} JSON, with its counts as they are now. */
    synchronized ObjectNode folderJson(MailFolder f) {
        List<ObjectNode> inside = messages.values().stream()
                .filter(m -> m.path("parentFolderId").asText().equals(f.id())).toList();
        ObjectNode node = Json.object();
        node.put("id", f.id());
        node.put("displayName", f.displayName());
        if (f.parentFolderId() == null) {
            node.putNull("parentFolderId");
        } else {
            node.put("parentFolderId", f.parentFolderId());
        }
        node.put("childFolderCount", childFolders(f.id()).size());
        node.put("unreadItemCount", inside.stream().filter(m -> !m.path("isRead").asBoolean()).count());
        node.put("totalItemCount", inside.size());
        node.put("isHidden", f.isHidden());
        return node;
    }

    // ---- messages

    /** Copies of the messages directly in {@code folder}, newest first. */
    synchronized List<ObjectNode> messages(MailFolder folder) {
        return sorted(messages.values().stream().filter(m -> m.path("parentFolderId").asText().equals(folder.id())).toList());
    }

    /** Copies of every message in the mailbox, newest first. */
    public synchronized List<ObjectNode> allMessages() {
        return sorted(List.copyOf(messages.values()));
    }

    synchronized ObjectNode message(String id) {
        ObjectNode m = messages.get(id);
        if (m == null) {
            throw SandboxGraphException.itemNotFound();
        }
        return m.deepCopy();
    }

    synchronized void putMessage(ObjectNode message) {
        messages.put(message.path("id").asText(), message.deepCopy());
    }

    synchronized void removeMessage(String id) {
        messages.remove(id);
        attachments.remove(id);
    }

    // ---- attachments

    synchronized List<ObjectNode> attachments(String messageId) {
        message(messageId);
        return attachments.getOrDefault(messageId, List.of()).stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized void setAttachments(String messageId, List<ObjectNode> list) {
        if (list.isEmpty()) {
            attachments.remove(messageId);
        } else {
            attachments.put(messageId, list.stream().map(ObjectNode::deepCopy).collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
        }
        ObjectNode m = messages.get(messageId);
        if (m != null) {
            m.put("hasAttachments", !list.isEmpty());
        }
    }

    private static List<ObjectNode> sorted(List<ObjectNode> list) {
        return list.stream()
                .sorted(Comparator.comparing((ObjectNode m) -> m.path("receivedDateTime").asText()).reversed()
                        .thenComparing(m -> m.path("id").asText()))
                .map(ObjectNode::deepCopy)
                .toList();
    }
}
