package org.m365mcp.sandbox.drive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.m365mcp.sandbox.common.Json;
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
    private final Map<String, ObjectNode> items = new LinkedHashMap<>();
    private final Map<String, byte[]> uploaded = new LinkedHashMap<>();
    private final DriveLinks links;
    private final CopyOperations copies = new CopyOperations();
    private final UploadSessions uploads = new UploadSessions(this);
    private String rootId;
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
        return List.copyOf(items.keySet());
    }

    /** How many folders lie between the item and the root (0 for the root), or -1 for an unknown item. */
    public synchronized int depth(String id) {
        int depth = 0;
        for (ObjectNode item = items.get(id);
                item != null && !item.has("root");
                item = items.get(item.path("parentReference").path("id").asText())) {
            depth++;
        }
        return items.containsKey(id) ? depth : -1;
    }

    /**
     * The item as OneDrive's delta shows it (driveitem-delta.md, OneDrive for Business): no {@code cTag},
     * a {@code parentReference} without {@code path}; empty when the drive no longer has it.
     */
    public synchronized Optional<ObjectNode> deltaJson(String id, String downloadBase) {
        if (!items.containsKey(id)) {
            return Optional.empty();
        }
        ObjectNode item = render(id, downloadBase);
        item.remove("cTag");
        if (item.path("parentReference").isObject()) {
            ((ObjectNode) item.get("parentReference")).remove("path");
        }
        return Optional.of(item);
    }

    /** What delta shows of a deleted item: its id, last parent, kind and the {@code deleted} facet (no name, no cTag). */
    private ObjectNode tombstone(ObjectNode item) {
        ObjectNode gone = Json.object().put("id", item.path("id").asText());
        if (item.path("parentReference").isObject()) {
            gone.set("parentReference", item.get("parentReference").deepCopy());
        }
        gone.putObject(item.has("folder") ? "folder" : "file");
        gone.putObject("deleted").put("state", "deleted");
        return gone;
    }

    private void recordWithParents(String id, ChangeKind kind, ObjectNode tombstone) {
        changes.record(ChangeFamily.DRIVE_ITEM, driveId, id, kind, tombstone);
        ObjectNode item = tombstone != null ? tombstone : items.get(id);
        for (ObjectNode parent =
                        items.get(item.path("parentReference").path("id").asText());
                parent != null;
                parent = items.get(parent.path("parentReference").path("id").asText())) {
            renewETag(parent); // its childCount or size changed with it
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
        return rootId;
    }

    // ---- reading

    synchronized ObjectNode stored(String id) {
        ObjectNode item = items.get(id);
        if (item == null) {
            throw SandboxGraphException.driveItemNotFound();
        }
        return item;
    }

    synchronized boolean isFolder(String id) {
        return stored(id).has("folder");
    }

    synchronized List<String> childIds(String id) {
        return items.values().stream()
                .filter(i -> i.path("parentReference").path("id").asText().equals(id))
                .sorted(Comparator.comparing(
                        (ObjectNode i) -> i.path("name").asText().toLowerCase(Locale.ROOT)))
                .map(i -> i.path("id").asText())
                .toList();
    }

    synchronized Optional<String> childNamed(String parentId, String name) {
        return childIds(parentId).stream()
                .filter(c -> items.get(c).path("name").asText().equalsIgnoreCase(name))
                .findFirst();
    }

    /** The item at {@code path} below the root ({@code /Documents/Plan.docx}); the root for {@code /} or empty. */
    synchronized String resolve(String path) {
        String id = rootId;
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String parent = id;
            id = childNamed(parent, part).orElseThrow(SandboxGraphException::driveItemNotFound);
        }
        return id;
    }

    /** {@code /drive/root:} for the root's children, {@code /drive/root:/Documents/Projects} deeper. */
    synchronized String pathOf(String id) {
        List<String> names = new ArrayList<>();
        for (ObjectNode item = stored(id);
                !item.has("root");
                item = stored(item.path("parentReference").path("id").asText())) {
            names.add(0, item.path("name").asText());
        }
        return "/drive/root:" + (names.isEmpty() ? "" : "/" + String.join("/", names));
    }

    /** True when {@code id} is {@code ancestor} or lies below it. */
    synchronized boolean isWithin(String id, String ancestor) {
        for (ObjectNode item = stored(id);
                ;
                item = stored(item.path("parentReference").path("id").asText())) {
            if (item.path("id").asText().equals(ancestor)) {
                return true;
            }
            if (item.has("root")) {
                return false;
            }
        }
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
        return items.values().stream()
                .filter(i -> !i.has("root"))
                .map(i -> render(i.path("id").asText(), null))
                .toList();
    }

    /** The item as Graph returns it; {@code downloadBase} ({@code …/sandbox}) adds the download URL to files. */
    synchronized ObjectNode render(String id, String downloadBase) {
        ObjectNode item = stored(id).deepCopy();
        String path = pathOf(id);
        item.put(
                "webUrl",
                "https://contoso-my.sharepoint.com/personal/" + owner.address().replaceAll("[@.]", "_") + "/Documents"
                        + path.substring("/drive/root:".length()).replace(" ", "%20"));
        if (item.has("folder")) {
            ((ObjectNode) item.get("folder")).put("childCount", childIds(id).size());
            item.put("size", folderSize(id));
        } else if (downloadBase != null) {
            item.put("@microsoft.graph.downloadUrl", DriveLinks.downloadUrl(downloadBase, driveId, id));
        }
        if (!item.has("root")) {
            String parentId = item.path("parentReference").path("id").asText();
            ((ObjectNode) item.get("parentReference")).put("path", pathOf(parentId));
        }
        return item;
    }

    private long folderSize(String id) {
        return childIds(id).stream()
                .mapToLong(c -> items.get(c).has("folder")
                        ? folderSize(c)
                        : items.get(c).path("size").asLong())
                .sum();
    }

    synchronized long usedBytes() {
        return items.values().stream()
                .filter(i -> i.has("file"))
                .mapToLong(i -> i.path("size").asLong())
                .sum();
    }

    // ---- writing (callers check names and structure; see DriveWrites)

    /** Stores a new item under {@code parentId}; {@code bytes} only for an uploaded file. */
    synchronized ObjectNode put(
            String id, String parentId, String name, boolean folder, long size, byte[] bytes, Instant when) {
        ObjectNode item = Json.object();
        item.put("createdDateTime", when.toString());
        item.put("eTag", "\"{" + tagGuid(id) + "},1\"");
        item.put("id", id);
        item.put("lastModifiedDateTime", when.toString());
        item.put("name", name);
        if (!folder) { // driveitem.md: cTag "isn't returned if the item is a folder"
            item.put("cTag", "\"c:{" + tagGuid(id) + "},1\"");
        }
        item.put("size", size);
        ObjectNode by = Json.object();
        by.putObject("user")
                .put("id", SandboxIds.guid("user|" + owner.address()))
                .put("displayName", owner.name());
        item.set("createdBy", by);
        item.set("lastModifiedBy", by.deepCopy());
        if (parentId == null) {
            item.putObject("root");
            rootId = id;
        } else {
            item.putObject("parentReference")
                    .put("driveType", "business")
                    .put("driveId", driveId)
                    .put("id", parentId);
        }
        item.putObject("fileSystemInfo")
                .put("createdDateTime", when.toString())
                .put("lastModifiedDateTime", when.toString());
        if (folder) {
            item.putObject("folder").put("childCount", 0);
        } else {
            item.putObject("file")
                    .put("mimeType", DriveContent.mimeType(name))
                    .putObject("hashes")
                    .put("quickXorHash", DriveContent.hash(id, size));
        }
        items.put(id, item);
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
        item.put(
                "cTag",
                "\"c:{" + tagGuid(id) + "}," + (tagVersion(item.path("cTag").asText()) + 1) + "\"");
        touch(item);
        recordWithParents(id, ChangeKind.UPDATED, null);
    }

    synchronized void rename(String id, String name) {
        ObjectNode item = stored(id);
        item.put("name", name);
        touch(item);
        recordWithParents(id, ChangeKind.UPDATED, null);
    }

    synchronized void reparent(String id, String parentId) {
        ObjectNode item = stored(id);
        String oldParent = item.path("parentReference").path("id").asText();
        renewETag(stored(oldParent));
        recordWithParents(oldParent, ChangeKind.UPDATED, null);
        ((ObjectNode) item.get("parentReference")).put("id", parentId);
        touch(item);
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
        ObjectNode gone = items.remove(id);
        uploaded.remove(id);
        links.forget(id);
        if (gone != null) {
            recordWithParents(id, ChangeKind.DELETED, tombstone(gone));
        }
    }

    private void touch(ObjectNode item) {
        String when = now().toString();
        item.put("lastModifiedDateTime", when);
        renewETag(item);
        ((ObjectNode) item.get("fileSystemInfo")).put("lastModifiedDateTime", when);
    }

    /** OneDrive's {@code "{GUID},n"}: the item's GUID with a version one above the last. */
    private static void renewETag(ObjectNode item) {
        item.put(
                "eTag",
                "\"{" + tagGuid(item.path("id").asText()) + "},"
                        + (tagVersion(item.path("eTag").asText()) + 1) + "\"");
    }

    private static String tagGuid(String id) {
        return SandboxIds.guid("tag|" + id).toUpperCase(Locale.ROOT);
    }

    private static long tagVersion(String tag) {
        int comma = tag.lastIndexOf(',');
        try {
            return comma < 0 ? 0 : Long.parseLong(tag.substring(comma + 1).replace("\"", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * True when {@code header} ({@code If-None-Match} or {@code If-Match}) names the item's current
     * {@code eTag} or {@code cTag}, or is {@code *}.
     */
    synchronized boolean tagMatches(String id, String header) {
        ObjectNode item = stored(id);
        String given = header.trim();
        return given.equals("*")
                || given.equals(item.path("eTag").asText())
                || given.equals(item.path("cTag").asText());
    }
}
