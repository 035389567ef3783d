package org.m365mcp.sandbox.contacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.SandboxGraphException;
import org.m365mcp.sandbox.common.SandboxIds;
import org.m365mcp.sandbox.delta.ChangeFamily;
import org.m365mcp.sandbox.delta.ChangeKind;
import org.m365mcp.sandbox.delta.ChangeRecorder;

/**
 * One user's address book: contact folders and contacts in Graph's JSON shape.
 *
 * <ul>
 *   <li>The default folder ("Contacts", also addressed as {@code contacts}) holds {@code /me/contacts};
 *       {@code /me/contactFolders} lists its child folders, as Graph does.
 *   <li>Contacts are listed by display name. Thread-safe: every method holds this book's monitor;
 *       returned JSON is a copy.
 * </ul>
 */
public final class AddressBook {

    private final String accountId;
    private final Clock clock;
    private final String defaultFolderId;
    private final Map<String, ObjectNode> folders = new LinkedHashMap<>();
    private final Map<String, ObjectNode> contacts = new LinkedHashMap<>();
    private long sequence;
    private ChangeRecorder changes = ChangeRecorder.NONE;

    AddressBook(String accountId, Clock clock) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultFolderId = SandboxIds.folder(accountId, "contacts");
        folders.put(
                defaultFolderId, folder(defaultFolderId, "Contacts", SandboxIds.folder(accountId, "msgfolderroot")));
    }

    /** An address book seeded with colleagues, customers and suppliers: same seed, same book. */
    public static AddressBook seeded(String accountId, String ownerAddress, long seed, Clock clock, Instant anchor) {
        AddressBook book = new AddressBook(accountId, clock);
        new ContactsSeeder(book, ownerAddress, seed, anchor).seed();
        return book;
    }

    /** From now on, every change to a contact is reported to {@code recorder}; called once the book is seeded. */
    public synchronized void recordChangesTo(ChangeRecorder recorder) {
        changes = Objects.requireNonNull(recorder, "recorder");
    }

    /** The contact with {@code id} if it is in folder {@code folderRef} now. */
    public synchronized java.util.Optional<ObjectNode> contactIn(String folderRef, String id) {
        ObjectNode contact = contacts.get(id);
        return contact != null && contact.path("parentFolderId").asText().equals(requireFolder(folderRef))
                ? java.util.Optional.of(contact.deepCopy())
                : java.util.Optional.empty();
    }

    String defaultFolderId() {
        return defaultFolderId;
    }

    Instant now() {
        return clock.instant();
    }

    synchronized String newId(String kind) {
        sequence++;
        return kind.equals("folder")
                ? SandboxIds.folder(accountId, "contacts/new/" + sequence)
                : SandboxIds.item(kind, accountId, "new/" + sequence);
    }

    /** The folder's id for an id or the well-known name {@code contacts}. */
    synchronized String requireFolder(String ref) {
        String id = ref.equalsIgnoreCase("contacts") ? defaultFolderId : ref;
        if (!folders.containsKey(id)) {
            throw SandboxGraphException.itemNotFound();
        }
        return id;
    }

    synchronized ObjectNode folder(String ref) {
        return folders.get(requireFolder(ref)).deepCopy();
    }

    synchronized List<ObjectNode> childFolders(String parentRef) {
        String parent = requireFolder(parentRef);
        return folders.values().stream()
                .filter(f -> f.path("parentFolderId").asText().equals(parent))
                .map(ObjectNode::deepCopy)
                .toList();
    }

    synchronized ObjectNode createFolder(String parentRef, ObjectNode body) {
        String parent = requireFolder(parentRef);
        String name = body.path("displayName").asText("").trim();
        if (name.isEmpty()) {
            throw SandboxGraphException.invalidRequest("A contact folder needs a 'displayName'.");
        }
        requireFreeName(parent, name);
        return put(folder(newId("folder"), name, parent));
    }

    /** Seeding: a folder with a fixed id. */
    synchronized ObjectNode createFolder(String id, String name) {
        return put(folder(id, name, defaultFolderId));
    }

    synchronized ObjectNode renameFolder(String ref, ObjectNode patch) {
        ObjectNode folder = folders.get(requireFolder(ref));
        patch.fieldNames().forEachRemaining(name -> {
            if (!name.equals("displayName")) {
                throw new SandboxGraphException(
                        400,
                        "ErrorInvalidPropertyRequest",
                        "The property '" + name + "' cannot be set on a contact folder.");
            }
        });
        String name = patch.path("displayName").asText("").trim();
        if (name.isEmpty()) {
            throw SandboxGraphException.invalidRequest("displayName must not be empty.");
        }
        requireFreeName(folder.path("parentFolderId").asText(), name);
        folder.put("displayName", name);
        return folder.deepCopy();
    }

    synchronized void deleteFolder(String ref) {
        String id = requireFolder(ref);
        if (id.equals(defaultFolderId)) {
            throw new SandboxGraphException(
                    400, "ErrorCannotDeleteObject", "The default Contacts folder cannot be deleted.");
        }
        childFolders(id).forEach(f -> deleteFolder(f.path("id").asText()));
        contacts.values().stream()
                .filter(c -> c.path("parentFolderId").asText().equals(id))
                .map(c -> c.path("id").asText())
                .toList()
                .forEach(this::deleteContact);
        folders.remove(id);
    }

    synchronized List<ObjectNode> contacts(String folderRef) {
        String folder = requireFolder(folderRef);
        return contacts.values().stream()
                .filter(c -> c.path("parentFolderId").asText().equals(folder))
                .sorted(Comparator.comparing(
                                (ObjectNode c) -> c.path("displayName").asText().toLowerCase())
                        .thenComparing(c -> c.path("id").asText()))
                .map(ObjectNode::deepCopy)
                .toList();
    }

    /** Every contact in every folder, for search. */
    public synchronized List<ObjectNode> allContacts() {
        return contacts.values().stream().map(ObjectNode::deepCopy).toList();
    }

    synchronized ObjectNode contact(String id) {
        return find(id).deepCopy();
    }

    synchronized ObjectNode createContact(String folderRef, String id, ObjectNode body) {
        ObjectNode contact = ContactJson.create(id, requireFolder(folderRef), now(), body);
        contacts.put(id, contact);
        changes.record(ChangeFamily.CONTACT, contact.path("parentFolderId").asText(), id, ChangeKind.CREATED);
        return contact.deepCopy();
    }

    synchronized ObjectNode updateContact(String id, ObjectNode patch) {
        ObjectNode contact = find(id);
        ContactJson.apply(contact, patch, now());
        changes.record(ChangeFamily.CONTACT, contact.path("parentFolderId").asText(), id, ChangeKind.UPDATED);
        return contact.deepCopy();
    }

    synchronized void deleteContact(String id) {
        ObjectNode contact = contacts.remove(find(id).path("id").asText());
        changes.record(ChangeFamily.CONTACT, contact.path("parentFolderId").asText(), id, ChangeKind.DELETED);
    }

    private ObjectNode find(String id) {
        ObjectNode contact = contacts.get(id);
        if (contact == null) {
            throw SandboxGraphException.itemNotFound();
        }
        return contact;
    }

    private ObjectNode put(ObjectNode folder) {
        folders.put(folder.path("id").asText(), folder);
        return folder.deepCopy();
    }

    private void requireFreeName(String parentId, String name) {
        if (folders.values().stream()
                .anyMatch(f -> f.path("parentFolderId").asText().equals(parentId)
                        && f.path("displayName").asText().equalsIgnoreCase(name))) {
            throw new SandboxGraphException(
                    409, "ErrorFolderExists", "A folder with the specified name already exists.");
        }
    }

    private static ObjectNode folder(String id, String name, String parentId) {
        return Json.object().put("id", id).put("displayName", name).put("parentFolderId", parentId);
    }
}
