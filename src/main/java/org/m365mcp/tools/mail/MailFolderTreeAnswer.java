package org.m365mcp.tools.mail;

import java.util.List;
import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * The answer of {@code emailfolders_get_tree}.
 *
 * @param folderId    the folder whose subtree this is; null for the mailbox root
 * @param folderCount the folders in the tree
 * @param truncated   true when the tree stopped at the folder budget, not only at {@code max_depth}
 * @param cache       which cache state served it; null in the form that is stored
 */
public record MailFolderTreeAnswer(
        String accountId,
        String folderId,
        int maxDepth,
        int folderCount,
        boolean truncated,
        List<MailFolderNode> folders,
        CacheInfo cache)
        implements CacheStamped<MailFolderTreeAnswer> {

    public MailFolderTreeAnswer {
        folders = List.copyOf(folders);
    }

    @Override
    public MailFolderTreeAnswer withCache(CacheInfo info) {
        return new MailFolderTreeAnswer(accountId, folderId, maxDepth, folderCount, truncated, folders, info);
    }
}
