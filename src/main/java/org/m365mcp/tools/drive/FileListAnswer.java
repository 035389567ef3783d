package org.m365mcp.tools.drive;

import java.util.List;
import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * The answer of {@code file_list}: the files (not subfolders) directly in one folder.
 *
 * @param folder the folder listed, as addressed ({@code /} for the root)
 * @param more   true when the folder holds more files than {@code limit}
 * @param cache  which cache state served it; null in the form that is stored
 */
public record FileListAnswer(
        String accountId, String folder, int count, boolean more, List<DriveItem> files, CacheInfo cache)
        implements CacheStamped<FileListAnswer> {

    public FileListAnswer {
        files = List.copyOf(files);
    }

    @Override
    public FileListAnswer withCache(CacheInfo info) {
        return new FileListAnswer(accountId, folder, count, more, files, info);
    }
}
