package org.m365mcp.tools.drive;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One file or folder, compact: what a follow-up call needs, without Graph's noise.
 *
 * @param path       the item's path below the root ({@code /Documents/Plan.docx}); null when Graph gave no parent path
 * @param size       bytes; for a folder, of everything below it
 * @param mimeType   files only
 * @param childCount folders only: the files and folders directly in it
 * @param modified   Graph's {@code lastModifiedDateTime}
 */
public record DriveItem(
        String id,
        String name,
        boolean folder,
        String path,
        String parentId,
        long size,
        String mimeType,
        Integer childCount,
        String modified) {

    static DriveItem of(JsonNode item) {
        boolean folder = item.has("folder");
        JsonNode parent = item.path("parentReference");
        String parentPath = parent.path("path").asText(null);
        String name = item.path("name").asText();
        String path = item.has("root")
                ? "/"
                : parentPath == null ? null : parentPath.replaceFirst("^/drive/root:?", "") + "/" + name;
        return new DriveItem(
                item.path("id").asText(),
                name,
                folder,
                path,
                parent.path("id").asText(null),
                item.path("size").asLong(),
                folder ? null : item.path("file").path("mimeType").asText(null),
                folder ? item.path("folder").path("childCount").asInt() : null,
                item.path("lastModifiedDateTime").asText(null));
    }
}
