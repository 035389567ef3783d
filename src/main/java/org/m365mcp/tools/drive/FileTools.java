package org.m365mcp.tools.drive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import javax.cache.annotation.CacheResult;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;

/**
 * OneDrive file reads: list and get (cached), and the short-lived download URL (never cached).
 *
 * <ul>
 *   <li>Files are addressed by id, so a cached {@code file_get} and the writes that invalidate it
 *       agree on its key; folders by id or {@code /path}.</li>
 *   <li>{@code file_get} includes the text of a text file up to {@link FileMetadata#MAX_TEXT} bytes,
 *       a long one in parts read on by {@code content_offset} (cached with the metadata by
 *       {@link FileMetadata}); for anything else it adds a download URL
 *       asked for on every call, never cached: it is pre-authenticated and expires within minutes.
 *       {@code file_download_url} gives that URL alone.</li>
 * </ul>
 */
@ApplicationScoped
public class FileTools {

    @Inject
    GraphClient graph;

    @Inject
    FileMetadata metadata;

    @Inject
    Accounts accounts;

    @McpTool(
            name = "file_list",
            readOnly = true,
            idempotent = true,
            description = "List the files (not subfolders) directly in a OneDrive folder: id, name, path, size, type.")
    @CacheResult(cacheName = "file_list")
    public FileListAnswer fileList(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam(
                            value = "Folder id, or a path such as /Documents/Projects; empty for the root",
                            defaultValue = "")
                    String folder,
            @ToolParam(value = "Most files to return", defaultValue = "100", min = 1, max = 1000) int limit,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        accounts.require(accountId);
        DriveItemRef ref = DriveArguments.folder("folder", folder);
        List<DriveItem> files = DriveFailures.addressed(
                        "folder",
                        "folder",
                        ref,
                        () -> graph.getPaged(accountId, ref.below(FolderTools.CHILDREN_QUERY), Integer.MAX_VALUE))
                .stream()
                .filter(item -> !item.has("folder"))
                .limit(limit + 1L)
                .map(DriveItem::of)
                .toList();
        boolean more = files.size() > limit;
        List<DriveItem> shown = more ? files.subList(0, limit) : files;
        return new FileListAnswer(accountId, ref.shown(), shown.size(), more, shown, null);
    }

    @McpTool(
            name = "file_get",
            readOnly = true,
            idempotent = true,
            description = "Get a OneDrive file's metadata and, for a text file up to 64 KB, its text (a long one in"
                    + " parts, see content_note); for any other file a download link valid for a few minutes.")
    public DriveItemAnswer fileGet(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("File id from file_list") String fileId,
            @ToolParam(
                            value = "Include the text of a small text file, or a download link for any other",
                            defaultValue = "true")
                    boolean includeContent,
            @ToolParam(
                            value = "Text character to start at (next_content_offset of the previous part)",
                            defaultValue = "0",
                            min = 0,
                            max = Integer.MAX_VALUE)
                    int contentOffset,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        accounts.require(accountId);
        DriveItemRef ref = DriveArguments.file("file_id", fileId);
        DriveItemAnswer answer =
                metadata.fileGet(accountId, fileId, includeContent, contentOffset, useCache, forceRefresh);
        if (!includeContent || answer.content() != null) {
            return answer;
        }
        // Asked anew on every call, cached or not: the link expires long before the cached metadata.
        URI url = DriveFailures.addressed(
                "file_id", "file", ref, () -> graph.downloadUrl(accountId, ref.below("content")));
        return answer.withDownloadUrl(url.toString());
    }

    @McpTool(
            name = "file_download_url",
            readOnly = true,
            idempotent = true,
            description = "A pre-authenticated download URL for a OneDrive file, valid for a few minutes.")
    public DownloadUrlAnswer fileDownloadUrl(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("File id from file_list") String fileId) {
        accounts.require(accountId);
        DriveItemRef ref = DriveArguments.file("file_id", fileId);
        URI url = DriveFailures.addressed(
                "file_id", "file", ref, () -> graph.downloadUrl(accountId, ref.below("content")));
        return new DownloadUrlAnswer(
                accountId,
                ref.id(),
                url.toString(),
                "Anyone with this URL can download the file until it expires (minutes): do not share it.");
    }
}
