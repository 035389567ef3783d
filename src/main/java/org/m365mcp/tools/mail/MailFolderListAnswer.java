package org.m365mcp.tools.mail;

import java.util.List;
import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * The answer of {@code emailfolders_list}: the child folders of one folder, or of the mailbox root.
 *
 * @param parentFolderId the folder listed; null for the mailbox root
 * @param cache          which cache state served it; null in the form that is stored
 */
public record MailFolderListAnswer(
        String accountId, String parentFolderId, int count, List<MailFolderSummary> folders, CacheInfo cache)
        implements CacheStamped<MailFolderListAnswer> {

    public MailFolderListAnswer {
        folders = List.copyOf(folders);
    }

    @Override
    public MailFolderListAnswer withCache(CacheInfo info) {
        return new MailFolderListAnswer(accountId, parentFolderId, count, folders, info);
    }
}
