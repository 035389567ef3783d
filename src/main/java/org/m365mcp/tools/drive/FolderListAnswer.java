package org.m365mcp.tools.drive;

import java.util.List;
import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * The answer of {@code folder_list}: the subfolders of one folder.
 *
 * @param folder the folder listed, as addressed ({@code /} for the root)
 * @param cache  which cache state served it; null in the form that is stored
 */
public record FolderListAnswer(String accountId, String folder, int count, List<DriveItem> folders, CacheInfo cache)
        implements CacheStamped<FolderListAnswer> {

    public FolderListAnswer {
        folders = List.copyOf(folders);
    }

    @Override
    public FolderListAnswer withCache(CacheInfo info) {
        return new FolderListAnswer(accountId, folder, count, folders, info);
    }
}
