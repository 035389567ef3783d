package org.m365mcp.tools.drive;

import com.fasterxml.jackson.databind.JsonNode;
import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * The answer of {@code folder_get} and {@code file_get}: one item's metadata, and for
 * {@code file_get} the text of a small text file, a long one in parts ({@link org.m365mcp.tools.BodyPart}).
 *
 * @param etag        Graph's {@code eTag} of the item as read: the {@code etag} its rename or move may send, and
 *                    what the cached {@code file_get} is revalidated with ({@code If-None-Match}); the
 *                    revalidator ({@code sync.etag.DriveItemRevalidator}) reads {@code etag} and {@code item.id}
 *                    from the stored JSON, so keep those names
 * @param ctag        Graph's {@code cTag}, which changes only with a file's content; null for a folder
 * @param content     the file's text, at most {@code m365.mcp.answers.max-body-chars} characters from
 *                    {@code content_offset}; null for a folder, a binary or large file, or when not asked for
 * @param nextContentOffset the {@code content_offset} of the text's next part; null when nothing follows
 * @param contentNote when the text comes in parts: how much is shown, how much follows and how to read it;
 *                    when {@code content} is absent for a file: why, and how to get the bytes; else null
 * @param downloadUrl a pre-authenticated URL of the file's bytes, valid a few minutes, when
 *                    {@code content} is absent for a file; never part of the cached form
 * @param cache       which cache state served it; null in the form that is stored
 */
public record DriveItemAnswer(
        String accountId,
        DriveItem item,
        String etag,
        String ctag,
        String content,
        Integer nextContentOffset,
        String contentNote,
        String downloadUrl,
        CacheInfo cache)
        implements CacheStamped<DriveItemAnswer> {

    @Override
    public DriveItemAnswer withCache(CacheInfo info) {
        return new DriveItemAnswer(
                accountId, item, etag, ctag, content, nextContentOffset, contentNote, downloadUrl, info);
    }

    /** The answer for Graph's {@code driveItem} {@code graphItem} with its content as given (all null: none). */
    static DriveItemAnswer of(
            String accountId, JsonNode graphItem, String content, Integer nextContentOffset, String contentNote) {
        return new DriveItemAnswer(
                accountId,
                DriveItem.of(graphItem),
                graphItem.path("eTag").asText(null),
                graphItem.path("cTag").asText(null),
                content,
                nextContentOffset,
                contentNote,
                null,
                null);
    }

    /** This answer with a freshly asked download URL. */
    DriveItemAnswer withDownloadUrl(String url) {
        return new DriveItemAnswer(accountId, item, etag, ctag, content, nextContentOffset, contentNote, url, cache);
    }
}
