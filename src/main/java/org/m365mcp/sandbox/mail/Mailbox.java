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
import org.m365mcp.sandbox.delta.ChangeFamily;
import org.m365mcp.sandbox.delta.ChangeKind;
import org.m365mcp.sandbox.delta.ChangeRecorder;

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
    private ChangeRecorder changes = ChangeRecorder.NONE;

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
    public static Mailbox seeded(
            String accountId, Recipient owner, long seed, Instant anchor, Clock clock, MailDelivery delivery) {
        return new Mailbox(
                accountId, owner, clock, new MailboxSeeder(accountId, owner, seed, anchor).build(), delivery);
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

    /**
     * From now on, every change to a message or folder (and to a folder's counts) is reported to
     * {@code recorder}; called once the mailbox is seeded.
     */
    public synchronized void recordChangesTo(ChangeRecorder recorder) {
        changes = java.util.Objects.requireNonNull(recorder, "recorder");
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
        return kind.equals("folder")
                ? SandboxIds.folder(accountId, "new/" + sequence)
                : SandboxIds.message(accountId, kind + "/" + sequence);
    }

    // ---- folders

    synchronized Optional<MailFolder> folder(String ref) {
        return folders.values().stream().filter(f -> f.matches(ref)).findFirst();
    }

    /** The id of the folder {@code ref} names (an id or a well-known name), if there is one. */
    public synchronized Optional<String> folderId(String ref) {
        return folder(ref).map(MailFolder::id);
    }

    synchronized MailFolder requireFolder(String ref) {
        return folder(ref).orElseThrow(SandboxGraphException::itemNotFound);
    }

    synchronized MailFolder root() {
        return requireFolder("msgfolderroot");
    }

    synchronized List<MailFolder> childFolders(String parentId) {
        return folders.values().stream()
                .filter(f -> parentId.equals(f.parentFolderId()))
                .toList();
    }

    synchronized List<MailFolder> folders() {
        return List.copyOf(folders.values());
    }

    synchronized void putFolder(MailFolder folder) {
        MailFolder old = folders.put(folder.id(), folder);
        changes.record(
                ChangeFamily.MAIL_FOLDER,
                container(folder),
                folder.id(),
                old == null ? ChangeKind.CREATED : ChangeKind.UPDATED);
        if (old == null || !java.util.Objects.equals(old.parentFolderId(), folder.parentFolderId())) {
            folderCountsChanged(folder.parentFolderId()); // its childFolderCount
            if (old != null) {
                folderCountsChanged(old.parentFolderId());
            }
        }
    }

    /** Removes a folder, its subfolders and every message in them. */
    synchronized void removeFolderTree(MailFolder folder) {
        childFolders(folder.id()).forEach(this::removeFolderTree);
        messages.values().stream()
                .filter(m -> m.path("parentFolderId").asText().equals(folder.id()))
                .map(m -> m.path("id").asText())
                .toList()
                .forEach(this::removeMessage);
        folders.remove(folder.id());
        changes.record(ChangeFamily.MAIL_FOLDER, container(folder), folder.id(), ChangeKind.DELETED);
        folderCountsChanged(folder.parentFolderId());
    }

    private static String container(MailFolder folder) {
        return folder.parentFolderId() == null ? "" : folder.parentFolderId();
    }

    /** A folder's unread, total or child count may have changed: mail folder delta shows it again. */
    private void folderCountsChanged(String folderId) {
        MailFolder folder = folderId == null ? null : folders.get(folderId);
        if (folder != null) {
            changes.record(ChangeFamily.MAIL_FOLDER, container(folder), folder.id(), ChangeKind.UPDATED);
        }
    }

    /** Graph's {@code mailFolder} JSON, with its counts as they are now. */
    synchronized ObjectNode folderJson(MailFolder f) {
        List<ObjectNode> inside = messages.values().stream()
                .filter(m -> m.path("parentFolderId").asText().equals(f.id()))
                .toList();
        ObjectNode node = Json.object();
        node.put("id", f.id());
        node.put("displayName", f.displayName());
        if (f.parentFolderId() == null) {
            node.putNull("parentFolderId");
        } else {
            node.put("parentFolderId", f.parentFolderId());
        }
        node.put("childFolderCount", childFolders(f.id()).size());
        node.put(
                "unreadItemCount",
                inside.stream().filter(m -> !m.path("isRead").asBoolean()).count());
        node.put("totalItemCount", inside.size());
        node.put("isHidden", f.isHidden());
        return node;
    }

    // ---- messages

    /** Copies of the messages directly in {@code folder}, newest first. */
    synchronized List<ObjectNode> messages(MailFolder folder) {
        return sorted(messages.values().stream()
                .filter(m -> m.path("parentFolderId").asText().equals(folder.id()))
                .toList());
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

    /** A copy of message {@code id}, or empty when the mailbox has none. */
    synchronized Optional<ObjectNode> findMessage(String id) {
        ObjectNode m = messages.get(id);
        return m == null ? Optional.empty() : Optional.of(m.deepCopy());
    }

    synchronized void putMessage(ObjectNode message) {
        String id = message.path("id").asText();
        String folder = message.path("parentFolderId").asText();
        ObjectNode old = messages.put(id, message.deepCopy());
        changes.record(ChangeFamily.MESSAGE, folder, id, old == null ? ChangeKind.CREATED : ChangeKind.UPDATED);
        if (old == null
                || old.path("isRead").asBoolean() != message.path("isRead").asBoolean()) {
            folderCountsChanged(folder);
        }
    }

    synchronized void removeMessage(String id) {
        ObjectNode old = messages.remove(id);
        attachments.remove(id);
        if (old != null) {
            String folder = old.path("parentFolderId").asText();
            changes.record(ChangeFamily.MESSAGE, folder, id, ChangeKind.DELETED);
            folderCountsChanged(folder);
        }
    }

    // ---- attachments

    synchronized List<ObjectNode> attachments(String messageId) {
        message(messageId);
        return attachments.getOrDefault(messageId, List.of()).stream()
                .map(ObjectNode::deepCopy)
                .toList();
    }

    synchronized void setAttachments(String messageId, List<ObjectNode> list) {
        if (list.isEmpty()) {
            attachments.remove(messageId);
        } else {
            attachments.put(
                    messageId,
                    list.stream()
                            .map(ObjectNode::deepCopy)
                            .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
        }
        ObjectNode m = messages.get(messageId);
        if (m != null) {
            m.put("hasAttachments", !list.isEmpty());
            Entities.renewChangeKey(m);
            changes.record(ChangeFamily.MESSAGE, m.path("parentFolderId").asText(), messageId, ChangeKind.UPDATED);
        }
    }

    private static List<ObjectNode> sorted(List<ObjectNode> list) {
        return list.stream()
                .sorted(Comparator.comparing(
                                (ObjectNode m) -> m.path("receivedDateTime").asText())
                        .reversed()
                        .thenComparing(m -> m.path("id").asText()))
                .map(ObjectNode::deepCopy)
                .toList();
    }
}
