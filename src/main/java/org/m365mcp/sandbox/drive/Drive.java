package org.m365mcp.sandbox.drive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.m365mcp.sandbox.common.Recipient;
import org.m365mcp.sandbox.common.SandboxGraphException;
import org.m365mcp.sandbox.common.SandboxIds;
import org.m365mcp.sandbox.delta.ChangeFamily;
import org.m365mcp.sandbox.delta.ChangeKind;
import org.m365mcp.sandbox.delta.ChangeRecorder;

/**
 * One user's OneDrive: a tree of folders and files kept as Graph {@code driveItem} JSON, minus what
 * is derived at read time (path, child count, URLs).
 *
 * <ul>
 *   <li>Names are unique among siblings, ignoring case, as in OneDrive.
 *   <li>Thread-safe: every method holds this drive's monitor; returned JSON is a copy. Writers that
 *       need several steps ({@link DriveWrites}) synchronize on it too.
 * </ul>
 */
public final class Drive {

    private final String accountId;
    private final String driveId;
    private final Recipient owner;
    private final Clock clock;
    private final DriveTree tree = new DriveTree();
    private final Map<String, byte[]> uploaded = new LinkedHashMap<>();
    private final DriveLinks links;
    private final CopyOperations copies = new CopyOperations();
    private final UploadSessions uploads = new UploadSessions(this);
    private long sequence;
    private ChangeRecorder changes = ChangeRecorder.NONE;

    Drive(String accountId, Recipient owner, Clock clock) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.driveId = "b!" + SandboxIds.item("drive", accountId, "drive").substring(6, 40);
        this.links = new DriveLinks(this);
    }

    /** A drive seeded with a few hundred folders: same seed and anchor, same tree. */
    public static Drive seeded(String accountId, Recipient owner, long seed, Instant anchor, Clock clock) {
        Drive drive = new Drive(accountId, owner, clock);
        new DriveSeeder(drive, seed, anchor).seed();
        return drive;
    }

    /**
     * From now on, every change to an item is reported to {@code recorder}, with the folders above it
     * (OneDrive's delta shows a changed item's parents); called once the drive is seeded.
     */
    public synchronized void recordChangesTo(ChangeRecorder recorder) {
        changes = Objects.requireNonNull(recorder, "recorder");
    }

    /** Every item's id, the root's included: what a first delta round enumerates. */
    public synchronized List<String> allIds() {
        return tree.ids();
    }

    /** How many folders lie between the item and the root (0 for the root), or -1 for an unknown item. */
    public synchronized int depth(String id) {
        return tree.depth(id);
    }

    /**
     * The item as OneDrive's delta shows it (driveitem-delta.md, OneDrive for Business): no {@code cTag},
     * a {@code parentReference} without {@code path}; empty when the drive no longer has it.
     */
    public synchronized Optional<ObjectNode> deltaJson(String id, String downloadBase) {
        if (tree.get(id) == null) {
            return Optional.empty();
        }
        return Optional.of(DriveItemJson.asDelta(render(id, downloadBase)));
    }

    private void recordWithParents(String id, ChangeKind kind, ObjectNode tombstone) {
        changes.record(ChangeFamily.DRIVE_ITEM, driveId, id, kind, tombstone);
        ObjectNode item = tombstone != null ? tombstone : tree.get(id);
        for (ObjectNode parent = tree.parentOf(item); parent != null; parent = tree.parentOf(parent)) {
            DriveItemJson.renewETag(parent); // its childCount or size changed with it
            changes.record(ChangeFamily.DRIVE_ITEM, driveId, parent.path("id").asText(), ChangeKind.UPDATED);
        }
    }

    public String driveId() {
        return driveId;
    }

    Recipient owner() {
        return owner;
    }

    String accountId() {
        return accountId;
    }

    DriveLinks links() {
        return links;
    }

    /** The monitors of this drive's copy operations. */
    public CopyOperations copies() {
        return copies;
    }

    /** This drive's upload sessions ({@code createUploadSession}). */
    public UploadSessions uploads() {
        return uploads;
    }

    Instant now() {
        return clock.instant();
    }

    synchronized String newId() {
        sequence++;
        return SandboxIds.driveItem(accountId, "new/" + sequence);
    }

    synchronized String rootId() {
        return tree.rootId();
    }

    // ---- reading

    synchronized ObjectNode stored(String id) {
        return tree.stored(id);
    }

    synchronized boolean isFolder(String id) {
        return stored(id).has("folder");
    }

    synchronized List<String> childIds(String id) {
        return tree.childIds(id);
    }

    synchronized Optional<String> childNamed(String parentId, String name) {
        return tree.childNamed(parentId, name);
    }

    /** The item at {@code path} below the root ({@code /Documents/Plan.docx}); the root for {@code /} or empty. */
    synchronized String resolve(String path) {
        return tree.resolve(path);
    }

    /** {@code /drive/root:} for the root's children, {@code /drive/root:/Documents/Projects} deeper. */
    synchronized String pathOf(String id) {
        return tree.pathOf(id);
    }

    /** True when {@code id} is {@code ancestor} or lies below it. */
    synchronized boolean isWithin(String id, String ancestor) {
        return tree.isWithin(id, ancestor);
    }

    synchronized byte[] content(String id) {
        ObjectNode item = stored(id);
        if (item.has("folder")) {
            throw SandboxGraphException.driveInvalidRequest("A folder has no content.");
        }
        byte[] bytes = uploaded.get(id);
        return bytes != null
                ? bytes.clone()
                : DriveContent.generated(
                        id, item.path("name").asText(), item.path("size").asLong());
    }

    /** Every file and folder but the root, for search. */
    public synchronized List<ObjectNode> allItems() {
        return tree.all().stream()
                .filter(i -> !i.has("root"))
                .map(i -> render(i.path("id").asText(), null))
                .toList();
    }

    /** The item as Graph returns it; {@code downloadBase} ({@code …/sandbox}) adds the download URL to files. */
    synchronized ObjectNode render(String id, String downloadBase) {
        ObjectNode item = stored(id).deepCopy();
        String path = pathOf(id);
        item.put("webUrl", DriveItemJson.webUrl(owner, path));
        if (item.has("folder")) {
            ((ObjectNode) item.get("folder")).put("childCount", childIds(id).size());
            item.put("size", tree.folderSize(id));
        } else if (downloadBase != null) {
            item.put("@microsoft.graph.downloadUrl", DriveLinks.downloadUrl(downloadBase, driveId, id));
        }
        if (!item.has("root")) {
            String parentId = item.path("parentReference").path("id").asText();
            ((ObjectNode) item.get("parentReference")).put("path", pathOf(parentId));
        }
        return item;
    }

    synchronized long usedBytes() {
        return tree.usedBytes();
    }

    // ---- writing (callers check names and structure; see DriveWrites)

    /** Stores a new item under {@code parentId}; {@code bytes} only for an uploaded file. */
    synchronized ObjectNode put(
            String id, String parentId, String name, boolean folder, long size, byte[] bytes, Instant when) {
        ObjectNode item = DriveItemJson.created(id, driveId, parentId, name, folder, size, when, owner);
        tree.add(item);
        if (bytes != null) {
            uploaded.put(id, bytes.clone());
        }
        recordWithParents(id, ChangeKind.CREATED, null);
        return item.deepCopy();
    }

    synchronized void setContent(String id, byte[] bytes) {
        ObjectNode item = stored(id);
        uploaded.put(id, bytes.clone());
        item.put("size", bytes.length);
        ((ObjectNode) item.path("file").path("hashes"))
                .put("quickXorHash", DriveContent.hash(id + bytes.length, bytes.length));
        DriveItemJson.renewCTag(item);
        DriveItemJson.touch(item, now());
        recordWithParents(id, ChangeKind.UPDATED, null);
    }

    synchronized void rename(String id, String name) {
        ObjectNode item = stored(id);
        item.put("name", name);
        DriveItemJson.touch(item, now());
        recordWithParents(id, ChangeKind.UPDATED, null);
    }

    synchronized void reparent(String id, String parentId) {
        ObjectNode item = stored(id);
        String oldParent = item.path("parentReference").path("id").asText();
        DriveItemJson.renewETag(stored(oldParent));
        recordWithParents(oldParent, ChangeKind.UPDATED, null);
        ((ObjectNode) item.get("parentReference")).put("id", parentId);
        DriveItemJson.touch(item, now());
        recordWithParents(id, ChangeKind.UPDATED, null);
        recordDescendants(id); // their order key (depth) changed: a round in progress shows them again
    }

    private void recordDescendants(String id) {
        for (String child : childIds(id)) {
            changes.record(ChangeFamily.DRIVE_ITEM, driveId, child, ChangeKind.UPDATED);
            recordDescendants(child);
        }
    }

    synchronized void remove(String id) {
        childIds(id).forEach(this::remove);
        ObjectNode gone = tree.remove(id);
        uploaded.remove(id);
        links.forget(id);
        if (gone != null) {
            recordWithParents(id, ChangeKind.DELETED, DriveItemJson.tombstone(gone));
        }
    }

    /**
     * True when {@code header} ({@code If-None-Match} or {@code If-Match}) names the item's current
     * {@code eTag} or {@code cTag}, or is {@code *}.
     */
    synchronized boolean tagMatches(String id, String header) {
        return DriveItemJson.tagMatches(stored(id), header);
    }
}
