package org.m365mcp.mcp;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * A resource link handed to one MCP session, and what identified its file when the link was made, so a
 * file replaced since (another call's {@code overwrite=true}) is not served under the old link.
 *
 * @param uri      the link, {@code m365-mcp://downloads/<id>}
 * @param session  the MCP session the link was given to
 * @param file     the saved file
 * @param realDirectory the real path (symbolic links resolved) of the file's directory when linked
 * @param fileKey  the file system's key for the file (an inode), or null where it has none
 * @param modified the file's last modification time when linked
 */
record IssuedLink(String uri, String session, SavedFile file, Path realDirectory, Object fileKey, FileTime modified) {

    /** Whether {@code now} still describes the file this link was made for. */
    boolean sameFileAs(BasicFileAttributes now) {
        return Objects.equals(fileKey, now.fileKey())
                && modified.equals(now.lastModifiedTime())
                && file.size() == now.size();
    }
}
