package org.m365mcp.tools.drive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import javax.cache.annotation.CacheResult;
import org.m365mcp.cache.annotation.Invalidate;
import org.m365mcp.cache.annotation.InvalidatesCache;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.mcp.CallProgress;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;
import org.m365mcp.tools.Confirmation;
import org.m365mcp.tools.IfMatch;

/**
 * OneDrive folder tools: list, get and tree (cached), create, rename, move, delete.
 *
 * <ul>
 *   <li>Reads take a folder as an id or a {@code /path}; writes act on a folder id.</li>
 *   <li>Every folder write invalidates the account's folder reads and file listings (counts, names
 *       and paths change together, and cached calls may name a folder by id or by path); a move,
 *       rename or delete also invalidates {@code file_get}, whose answers carry paths.</li>
 *   <li>{@code folder_get_tree} lists sibling folders concurrently on the server's managed executor.</li>
 *   <li>{@code folder_rename} and {@code folder_move} take the {@code etag} {@code folder_get} returned
 *       and send it as {@code If-Match} ({@link IfMatch}). A folder's etag changes with everything
 *       below it, so a file added inside since also refuses the change.</li>
 * </ul>
 */
@ApplicationScoped
public class FolderTools {

    /** One page of a folder's children: OneDrive's largest. */
    static final String CHILDREN_QUERY = "children?$top=200";

    private static final String FOLDER = "Folder id, or a path such as /Documents/Projects; empty for the root";
    private static final String ETAG = "etag from folder_get: refused if the folder changed since";

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    @Inject
    CallProgress progress;

    @Resource
    ManagedExecutorService executor;

    @McpTool(
            name = "folder_list",
            readOnly = true,
            idempotent = true,
            description = "List the subfolders of a OneDrive folder: id, name, path, size, child count.")
    @CacheResult(cacheName = "folder_list")
    public FolderListAnswer folderList(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam(value = FOLDER, defaultValue = "") String folder,
            @ToolParam(value = "Most folders to return", defaultValue = "200", min = 1, max = 1000) int limit,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        accounts.require(accountId);
        DriveItemRef ref = DriveArguments.folder("folder", folder);
        List<DriveItem> folders = children(accountId, ref).stream()
                .filter(item -> item.has("folder"))
                .limit(limit)
                .map(DriveItem::of)
                .toList();
        return new FolderListAnswer(accountId, ref.shown(), folders.size(), folders, null);
    }

    @McpTool(
            name = "folder_get",
            readOnly = true,
            idempotent = true,
            description = "Get one OneDrive folder by id or path: name, path, parent, size, child count.")
    @CacheResult(cacheName = "folder_get")
    public DriveItemAnswer folderGet(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam(value = FOLDER, defaultValue = "") String folder,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        accounts.require(accountId);
        DriveItemRef ref = DriveArguments.folder("folder", folder);
        JsonNode item = DriveFailures.addressed("folder", "folder", ref, () -> graph.get(accountId, ref.item()));
        if (!item.has("folder")) {
            throw new ToolArgumentException("folder", "'" + ref.shown() + "' is a file: use file_get");
        }
        return DriveItemAnswer.of(accountId, item, null, null, null);
    }

    @McpTool(
            name = "folder_get_tree",
            readOnly = true,
            idempotent = true,
            description = "The OneDrive folder tree (folders only) below a folder, max_depth levels deep.")
    @CacheResult(cacheName = "folder_get_tree")
    public FolderTreeAnswer folderGetTree(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam(value = FOLDER, defaultValue = "") String folder,
            @ToolParam(value = "Levels to descend", defaultValue = "3", min = 1, max = 10) int maxDepth,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        accounts.require(accountId);
        DriveItemRef ref = DriveArguments.folder("folder", folder);
        DriveFolderTree tree = new DriveFolderTree(graph, accountId, maxDepth, executor, progress.current());
        List<DriveFolderNode> folders = DriveFailures.addressed("folder", "folder", ref, () -> tree.read(ref));
        return new FolderTreeAnswer(accountId, ref.shown(), maxDepth, tree.count(), tree.truncated(), folders, null);
    }

    @McpTool(name = "folder_create", description = "Create a OneDrive folder in the root or a parent folder.")
    @InvalidatesCache({
        @Invalidate(operation = "folder_list"),
        @Invalidate(operation = "folder_get"),
        @Invalidate(operation = "folder_get_tree")
    })
    public DriveItemChanged folderCreate(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Name of the new folder") String name,
            @ToolParam(value = FOLDER, defaultValue = "") String parentFolder,
            @ToolParam(value = "When the name is taken: fail, rename (adds a number) or replace", defaultValue = "fail")
                    String conflictBehavior) {
        accounts.require(accountId);
        String folderName = DriveArguments.name("name", name);
        DriveItemRef parent = DriveArguments.folder("parent_folder", parentFolder);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", folderName);
        body.putObject("folder");
        body.put("@microsoft.graph.conflictBehavior", DriveArguments.conflict("conflict_behavior", conflictBehavior));
        JsonNode created = DriveFailures.named(
                "name",
                folderName,
                () -> DriveFailures.addressed(
                        "parent_folder",
                        "folder",
                        parent,
                        () -> graph.post(accountId, parent.below("children"), body)));
        DriveItem item = DriveItem.of(created);
        return new DriveItemChanged(
                accountId, item.id(), item, "Created folder '" + item.name() + "' in " + parent.shown() + ".");
    }

    @McpTool(name = "folder_rename", idempotent = true, description = "Rename a OneDrive folder.")
    @InvalidatesCache({
        @Invalidate(operation = "folder_list"),
        @Invalidate(operation = "folder_get"),
        @Invalidate(operation = "folder_get_tree"),
        @Invalidate(operation = "file_list"),
        @Invalidate(operation = "file_get")
    })
    public DriveItemChanged folderRename(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Id of the folder to rename") String folderId,
            @ToolParam("The folder's new name") String newName,
            @ToolParam(value = ETAG, defaultValue = "") String etag) {
        accounts.require(accountId);
        DriveItemRef ref = DriveArguments.folderId("folder_id", folderId);
        String name = DriveArguments.name("new_name", newName);
        IfMatch ifMatch = ifMatch(etag);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", name);
        DriveFailures.requireKind(graph, accountId, "folder_id", ref, true, "use file_rename");
        JsonNode renamed = DriveFailures.named(
                "new_name",
                name,
                () -> DriveFailures.addressed(
                        "folder_id", "folder", ref, () -> ifMatch.patch(graph, accountId, ref.item(), body)));
        return DriveItemChanged.of(accountId, renamed, item -> "Renamed folder " + ref.shown() + " to '" + name + "'.");
    }

    @McpTool(
            name = "folder_move",
            idempotent = true,
            description = "Move a OneDrive folder, with everything in it, into another folder.")
    @InvalidatesCache({
        @Invalidate(operation = "folder_list"),
        @Invalidate(operation = "folder_get"),
        @Invalidate(operation = "folder_get_tree"),
        @Invalidate(operation = "file_list"),
        @Invalidate(operation = "file_get")
    })
    public DriveItemChanged folderMove(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Id of the folder to move") String folderId,
            @ToolParam("Destination folder id, or a path such as /Archive; / for the root") String destinationFolder,
            @ToolParam(value = ETAG, defaultValue = "") String etag) {
        accounts.require(accountId);
        DriveItemRef ref = DriveArguments.folderId("folder_id", folderId);
        DriveItemRef destination = DriveArguments.folder("destination_folder", destinationFolder);
        IfMatch ifMatch = ifMatch(etag);
        DriveFailures.requireKind(graph, accountId, "folder_id", ref, true, "use file_move");
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("parentReference", DriveFailures.destination(graph, accountId, "destination_folder", destination));
        JsonNode moved = DriveFailures.named(
                "destination_folder",
                "that name",
                () -> DriveFailures.addressed(
                        "folder_id",
                        "folder or destination folder",
                        ref,
                        () -> ifMatch.patch(graph, accountId, ref.item(), body)));
        return DriveItemChanged.of(
                accountId, moved, item -> "Moved folder " + ref.shown() + " into " + destination.shown() + ".");
    }

    @McpTool(
            name = "folder_delete",
            destructive = true,
            idempotent = true,
            description = "Delete a OneDrive folder with everything in it (to the recycle bin). Needs confirm=true.")
    @InvalidatesCache({
        @Invalidate(operation = "folder_list"),
        @Invalidate(operation = "folder_get"),
        @Invalidate(operation = "folder_get_tree"),
        @Invalidate(operation = "file_list"),
        @Invalidate(operation = "file_get")
    })
    public DriveItemChanged folderDelete(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Id of the folder to delete") String folderId,
            @ToolParam(value = "Must be true: the folder and everything in it are deleted", defaultValue = "false")
                    boolean confirm) {
        accounts.require(accountId);
        DriveItemRef ref = DriveArguments.folderId("folder_id", folderId);
        Confirmation.require(confirm, "deletes folder " + ref.shown() + " with all its files and subfolders");
        DriveFailures.requireKind(graph, accountId, "folder_id", ref, true, "use file_delete");
        DriveFailures.addressed("folder_id", "folder", ref, () -> {
            graph.delete(accountId, ref.item());
            return null;
        });
        return new DriveItemChanged(
                accountId, ref.id(), null, "Deleted folder " + ref.shown() + " with everything in it.");
    }

    private static IfMatch ifMatch(String etag) {
        return IfMatch.of(etag, "folder", "folder_get");
    }

    private List<JsonNode> children(String accountId, DriveItemRef folder) {
        return DriveFailures.addressed(
                "folder",
                "folder",
                folder,
                () -> graph.getPaged(accountId, folder.below(CHILDREN_QUERY), Integer.MAX_VALUE));
    }
}
