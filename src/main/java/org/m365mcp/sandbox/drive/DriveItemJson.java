package org.m365mcp.sandbox.drive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Locale;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.Recipient;
import org.m365mcp.sandbox.common.SandboxIds;

/**
 * The {@code driveItem} JSON a {@link Drive} keeps, and how it changes: a new item's properties, the
 * tags OneDrive renews on every change, the shape delta shows of a live or deleted item. Stateless;
 * the caller holds the drive's monitor.
 *
 * <ul>
 *   <li>{@code eTag} is OneDrive's {@code "{GUID},n"}: the item's GUID with a version one above the
 *       last on every change, its parent folders' too (their child count or size moved with it).</li>
 *   <li>{@code cTag} ({@code "c:{GUID},n"}) only on files: driveitem.md says it "isn't returned if
 *       the item is a folder"; it moves on a content change only.</li>
 * </ul>
 */
final class DriveItemJson {

    private DriveItemJson() {}

    /** A new item as stored: {@code parentId} null for the root; {@code size} for a file. */
    static ObjectNode created(
            String id,
            String driveId,
            String parentId,
            String name,
            boolean folder,
            long size,
            Instant when,
            Recipient owner) {
        ObjectNode item = Json.object();
        item.put("createdDateTime", when.toString());
        item.put("eTag", "\"{" + tagGuid(id) + "},1\"");
        item.put("id", id);
        item.put("lastModifiedDateTime", when.toString());
        item.put("name", name);
        if (!folder) {
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
        return item;
    }

    /** The item's web address in the owner's OneDrive for {@code path} ({@code /drive/root:/…}). */
    static String webUrl(Recipient owner, String path) {
        return "https://contoso-my.sharepoint.com/personal/" + owner.address().replaceAll("[@.]", "_") + "/Documents"
                + path.substring("/drive/root:".length()).replace(" ", "%20");
    }

    /**
     * The rendered item as OneDrive's delta shows it (driveitem-delta.md, OneDrive for Business): no
     * {@code cTag}, a {@code parentReference} without {@code path}.
     */
    static ObjectNode asDelta(ObjectNode rendered) {
        rendered.remove("cTag");
        if (rendered.path("parentReference").isObject()) {
            ((ObjectNode) rendered.get("parentReference")).remove("path");
        }
        return rendered;
    }

    /** What delta shows of a deleted item: its id, last parent, kind and the {@code deleted} facet (no name, no cTag). */
    static ObjectNode tombstone(ObjectNode item) {
        ObjectNode gone = Json.object().put("id", item.path("id").asText());
        if (item.path("parentReference").isObject()) {
            gone.set("parentReference", item.get("parentReference").deepCopy());
        }
        gone.putObject(item.has("folder") ? "folder" : "file");
        gone.putObject("deleted").put("state", "deleted");
        return gone;
    }

    /** A change to the item at {@code when}: modified times and a new {@code eTag}. */
    static void touch(ObjectNode item, Instant when) {
        item.put("lastModifiedDateTime", when.toString());
        renewETag(item);
        ((ObjectNode) item.get("fileSystemInfo")).put("lastModifiedDateTime", when.toString());
    }

    /** A new {@code eTag}: the version one above the last. */
    static void renewETag(ObjectNode item) {
        item.put(
                "eTag",
                "\"{" + tagGuid(item.path("id").asText()) + "},"
                        + (tagVersion(item.path("eTag").asText()) + 1) + "\"");
    }

    /** A new {@code cTag}, for a change of a file's content. */
    static void renewCTag(ObjectNode item) {
        item.put(
                "cTag",
                "\"c:{" + tagGuid(item.path("id").asText()) + "},"
                        + (tagVersion(item.path("cTag").asText()) + 1) + "\"");
    }

    /**
     * True when {@code header} ({@code If-None-Match} or {@code If-Match}) names the item's current
     * {@code eTag} or {@code cTag}, or is {@code *}.
     */
    static boolean tagMatches(ObjectNode item, String header) {
        String given = header.trim();
        return given.equals("*")
                || given.equals(item.path("eTag").asText())
                || given.equals(item.path("cTag").asText());
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
}
