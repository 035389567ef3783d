package org.m365mcp.tools.drive;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import javax.cache.annotation.CacheResult;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;

/**
 * OneDrive file reads: list and get (cached), and the short-lived download URL (never cached).
 *
 * <ul>
 *   <li>Files are addressed by id, so a cached {@code file_get} and the writes that invalidate it
 *       agree on its key; folders by id or {@code /path}.</li>
 *   <li>{@code file_get} includes the text of a text file up to {@link #MAX_TEXT} bytes; anything
 *       else is pointed to {@code file_download_url}, whose URL is not worth caching: it is
 *       pre-authenticated and expires within minutes.</li>
 * </ul>
 */
@ApplicationScoped
public class FileTools {

    /** The largest text file whose content {@code file_get} includes: 64 KB. */
    static final int MAX_TEXT = 64 * 1024;

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    @McpTool(name = "file_list", readOnly = true, idempotent = true,
            description = "List the files (not subfolders) directly in a OneDrive folder: id, name, path, size, type.")
    @CacheResult(cacheName = "file_list")
    public FileListAnswer fileList(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam(value = "Folder id, or a path such as /Documents/Projects; empty for the root",
                    defaultValue = "") String folder,
            @ToolParam(value = "Most files to return", defaultValue = "100", min = 1, max = 1000) int limit,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
            boolean forceRefresh) {
        accounts.require(accountId);
        DriveItemRef ref = DriveArguments.folder("folder", folder);
        List<DriveItem> files = DriveFailures.addressed("folder", "folder", ref,
                () -> graph.getPaged(accountId, ref.below(FolderTools.CHILDREN_QUERY), Integer.MAX_VALUE))
                .stream().filter(item -> !item.has("folder")).limit(limit + 1L).map(DriveItem::of).toList();
        boolean more = files.size() > limit;
        List<DriveItem> shown = more ? files.subList(0, limit) : files;
        return new FileListAnswer(accountId, ref.shown(), shown.size(), more, shown, null);
    }

    @McpTool(name = "file_get", readOnly = true, idempotent = true,
            description = "Get a OneDrive file's metadata and, for a text file up to 64 KB, its text.")
    @CacheResult(cacheName = "file_get")
    public DriveItemAnswer fileGet(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("File id from file_list") String fileId,
            @ToolParam(value = "Include the text of a small text file", defaultValue = "true") boolean includeContent,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
            boolean forceRefresh) {
        accounts.require(accountId);
        DriveItemRef ref = DriveArguments.file("file_id", fileId);
        JsonNode item = DriveFailures.addressed("file_id", "file", ref, () -> graph.get(accountId, ref.item()));
        DriveItem file = DriveItem.of(item);
        if (file.folder()) {
            throw new ToolArgumentException("file_id", "'" + ref.shown() + "' is a folder: use folder_get");
        }
        if (!includeContent) {
            return new DriveItemAnswer(accountId, file, null, null, null);
        }
        if (!isText(file.mimeType()) || file.size() > MAX_TEXT) {
            return new DriveItemAnswer(accountId, file, null, (isText(file.mimeType()) ? "Larger than 64 KB"
                    : "Not a text file") + ": get its bytes with file_download_url.", null);
        }
        URI url = DriveFailures.addressed("file_id", "file", ref, () -> graph.downloadUrl(accountId, ref.below("content")));
        String text = new String(graph.getPreAuthenticated(url).body(), StandardCharsets.UTF_8);
        return new DriveItemAnswer(accountId, file, text, null, null);
    }

    @McpTool(name = "file_download_url", readOnly = true, idempotent = true,
            description = "A pre-authenticated download URL for a OneDrive file, valid for a few minutes.")
    public DownloadUrlAnswer fileDownloadUrl(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("File id from file_list") String fileId) {
        accounts.require(accountId);
        DriveItemRef ref = DriveArguments.file("file_id", fileId);
        URI url = DriveFailures.addressed("file_id", "file", ref, () -> graph.downloadUrl(accountId, ref.below("content")));
        return new DownloadUrlAnswer(accountId, ref.id(), url.toString(),
                "Anyone with this URL can download the file until it expires (minutes): do not share it.");
    }

    /** True for the types whose bytes are text worth showing. */
    static boolean isText(String mimeType) {
        if (mimeType == null) {
            return false;
        }
        String type = mimeType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.equals("application/json") || type.equals("application/xml")
                || type.endsWith("+json") || type.endsWith("+xml");
    }
}
