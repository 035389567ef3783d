package org.m365mcp.tools.drive;

import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * The answer of {@code folder_get} and {@code file_get}: one item's metadata, and for
 * {@code file_get} the text of a small text file.
 *
 * @param content     the file's text; null for a folder, a binary or large file, or when not asked for
 * @param contentNote why {@code content} is absent for a file, and how to get the bytes; else null
 * @param downloadUrl a pre-authenticated URL of the file's bytes, valid a few minutes, when
 *                    {@code content} is absent for a file; never part of the cached form
 * @param cache       which cache state served it; null in the form that is stored
 */
public record DriveItemAnswer(String accountId, DriveItem item, String content, String contentNote, String downloadUrl,
        CacheInfo cache) implements CacheStamped<DriveItemAnswer> {

    @Override
    public DriveItemAnswer withCache(CacheInfo info) {
        return new DriveItemAnswer(accountId, item, content, contentNote, downloadUrl, info);
    }

    /** This answer with a freshly asked download URL. */
    DriveItemAnswer withDownloadUrl(String url) {
        return new DriveItemAnswer(accountId, item, content, contentNote, url, cache);
    }
}
