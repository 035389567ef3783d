package org.m365mcp.tools.drive;

import java.util.List;
import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * The answer of {@code folder_get_tree}.
 *
 * @param folder      the folder whose subtree this is, as addressed ({@code /} for the root)
 * @param folderCount the folders in the tree
 * @param truncated   true when the tree stopped at the folder budget, not only at {@code max_depth}
 * @param cache       which cache state served it; null in the form that is stored
 */
public record FolderTreeAnswer(
        String accountId,
        String folder,
        int maxDepth,
        int folderCount,
        boolean truncated,
        List<DriveFolderNode> folders,
        CacheInfo cache)
        implements CacheStamped<FolderTreeAnswer> {

    public FolderTreeAnswer {
        folders = List.copyOf(folders);
    }

    @Override
    public FolderTreeAnswer withCache(CacheInfo info) {
        return new FolderTreeAnswer(accountId, folder, maxDepth, folderCount, truncated, folders, info);
    }
}
