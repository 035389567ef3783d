package org.m365mcp.tools.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Supplier;
import javax.cache.annotation.CacheResult;
import org.m365mcp.cache.annotation.Invalidate;
import org.m365mcp.cache.annotation.InvalidatesCache;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphException;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;
import org.m365mcp.tools.Confirmation;

/**
 * Mail folder tools: list, get and tree (cached), create, rename, move, delete. Marking a folder read and
 * emptying it are {@link MailFolderSweepTools}.
 *
 * <ul>
 *   <li>Every folder write invalidates all of the account's folder reads: counts, names and places
 *       change together, and the cached calls may name the folder by id or by well-known name.</li>
 *   <li>A folder id Graph does not know is a tool error naming the argument.</li>
 * </ul>
 */
@ApplicationScoped
public class MailFolderTools {

    static final String FOLDER_ID =
            "Folder id, or a well-known name: inbox, sentitems, drafts, deleteditems," + " archive, junkemail";

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    @McpTool(
            name = "emailfolders_list",
            readOnly = true,
            idempotent = true,
            description =
                    "List mail folders at the top level or under a folder: id, name, unread/total and subfolder counts.")
    @CacheResult(cacheName = "emailfolders_list")
    public MailFolderListAnswer emailfoldersList(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam(value = "Folder whose subfolders to list; empty for the top level", defaultValue = "")
                    String parentFolderId,
            @ToolParam(value = "Most folders to return", defaultValue = "100", min = 1, max = 500) int limit,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        accounts.require(accountId);
        String parent = IdArguments.optionalFolder("parent_folder_id", parentFolderId);
        var folders = addressed(
                        "parent_folder_id",
                        parent,
                        () -> graph.getPaged(accountId, MailFolderTree.childrenPath(parent), limit))
                .stream()
                .map(MailFolderSummary::of)
                .toList();
        return new MailFolderListAnswer(accountId, parent, folders.size(), folders, null);
    }

    @McpTool(
            name = "emailfolders_get",
            readOnly = true,
            idempotent = true,
            description =
                    "Get one mail folder by id or well-known name: name, parent, unread/total and subfolder counts.")
    @CacheResult(cacheName = "emailfolders_get")
    public MailFolderAnswer emailfoldersGet(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam(FOLDER_ID) String folderId,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        accounts.require(accountId);
        String id = IdArguments.folder("folder_id", folderId);
        JsonNode folder = addressed(
                "folder_id",
                id,
                () -> graph.get(accountId, "/me/mailFolders/" + id + "?$select=" + MailFolderSummary.FIELDS));
        return new MailFolderAnswer(accountId, MailFolderSummary.of(folder), null);
    }

    @McpTool(
            name = "emailfolders_get_tree",
            readOnly = true,
            idempotent = true,
            description =
                    "The mail folder tree (all top-level folders or one folder's subtree), max_depth levels deep.")
    @CacheResult(cacheName = "emailfolders_get_tree")
    public MailFolderTreeAnswer emailfoldersGetTree(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam(value = "Folder whose subtree to return; empty for the whole mailbox", defaultValue = "")
                    String folderId,
            @ToolParam(value = "Levels to descend", defaultValue = "3", min = 1, max = 10) int maxDepth,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        accounts.require(accountId);
        String root = IdArguments.optionalFolder("folder_id", folderId);
        MailFolderTree tree = new MailFolderTree(graph, accountId, maxDepth);
        List<MailFolderNode> folders = addressed("folder_id", root, () -> tree.read(root));
        return new MailFolderTreeAnswer(accountId, root, maxDepth, tree.count(), tree.truncated(), folders, null);
    }

    @McpTool(
            name = "emailfolders_create",
            description = "Create a mail folder at the top level or under a parent folder.")
    @InvalidatesCache({@Invalidate(operation = "emailfolders_*")})
    public MailFolderChanged emailfoldersCreate(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Name of the new folder") String name,
            @ToolParam(value = "Parent folder id or well-known name; empty for the top level", defaultValue = "")
                    String parentFolderId) {
        accounts.require(accountId);
        String folderName = IdArguments.name("name", name);
        String parent = IdArguments.optionalFolder("parent_folder_id", parentFolderId);
        String path = parent == null ? "/me/mailFolders" : "/me/mailFolders/" + parent + "/childFolders";
        JsonNode created = named(
                "name",
                folderName,
                () -> addressed(
                        "parent_folder_id", parent, () -> graph.post(accountId, path, displayName(folderName))));
        MailFolderSummary folder = MailFolderSummary.of(created);
        return new MailFolderChanged(
                accountId,
                folder.id(),
                folder,
                "Created folder '" + folderName + "'"
                        + (parent == null ? " at the top level." : " under " + parent + "."));
    }

    @McpTool(name = "emailfolders_rename", idempotent = true, description = "Rename a mail folder.")
    @InvalidatesCache({@Invalidate(operation = "emailfolders_*")})
    public MailFolderChanged emailfoldersRename(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Id of the folder to rename") String folderId,
            @ToolParam("The folder's new name") String newName) {
        accounts.require(accountId);
        String id = IdArguments.folder("folder_id", folderId);
        String folderName = IdArguments.name("new_name", newName);
        JsonNode renamed = named(
                "new_name",
                folderName,
                () -> addressed(
                        "folder_id",
                        id,
                        () -> graph.patch(accountId, "/me/mailFolders/" + id, displayName(folderName))));
        return new MailFolderChanged(
                accountId, id, MailFolderSummary.of(renamed), "Renamed folder " + id + " to '" + folderName + "'.");
    }

    @McpTool(
            name = "emailfolders_move",
            idempotent = true,
            description = "Move a mail folder, with its messages and subfolders, under another folder"
                    + " (msgfolderroot: the top level).")
    @InvalidatesCache({@Invalidate(operation = "emailfolders_*")})
    public MailFolderChanged emailfoldersMove(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Id of the folder to move") String folderId,
            @ToolParam("Destination folder id or well-known name; msgfolderroot for the top level")
                    String destinationFolderId) {
        accounts.require(accountId);
        String id = IdArguments.folder("folder_id", folderId);
        String destination = IdArguments.folder("destination_folder_id", destinationFolderId);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("destinationId", destination);
        JsonNode moved;
        try {
            moved = graph.post(accountId, "/me/mailFolders/" + id + "/move", body);
        } catch (GraphException e) {
            if (e.isNotFound()) {
                throw new ToolArgumentException(
                        "folder_id", "no mail folder '" + id + "' or no destination folder '" + destination + "'");
            }
            throw nameTaken(e, "destination_folder_id", "already holds a folder of that name");
        }
        return new MailFolderChanged(
                accountId, id, MailFolderSummary.of(moved), "Moved folder " + id + " under " + destination + ".");
    }

    @McpTool(
            name = "emailfolders_delete",
            destructive = true,
            idempotent = true,
            description = "Delete a mail folder with its messages and subfolders. Needs confirm=true.")
    @InvalidatesCache({
        @Invalidate(operation = "emailfolders_*"),
        @Invalidate(operation = "email_list"),
        @Invalidate(operation = "email_get")
    })
    public MailFolderChanged emailfoldersDelete(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Id of the folder to delete") String folderId,
            @ToolParam(
                            value = "Must be true: the folder, its subfolders and their messages are deleted",
                            defaultValue = "false")
                    boolean confirm) {
        accounts.require(accountId);
        String id = IdArguments.folder("folder_id", folderId);
        Confirmation.require(confirm, "deletes mail folder " + id + " with its subfolders and their messages");
        addressed("folder_id", id, () -> {
            graph.delete(accountId, "/me/mailFolders/" + id);
            return null;
        });
        return new MailFolderChanged(
                accountId, id, null, "Deleted folder " + id + " with its subfolders and their messages.");
    }

    /**
     * {@code call}, with Graph's 404 turned into a tool error naming {@code argument}: the folder
     * {@code id} (null: the root, which always exists) is unknown.
     */
    static <T> T addressed(String argument, String id, Supplier<T> call) {
        try {
            return call.get();
        } catch (GraphException e) {
            if (e.isNotFound()) {
                throw new ToolArgumentException(argument, "no mail folder '" + id + "'");
            }
            throw e;
        }
    }

    private static <T> T named(String argument, String name, Supplier<T> call) {
        try {
            return call.get();
        } catch (GraphException e) {
            throw nameTaken(e, argument, "a sibling folder is already named '" + name + "'");
        }
    }

    /** Graph's 409 {@code ErrorFolderExists} as a tool error naming {@code argument}; other errors as they are. */
    private static RuntimeException nameTaken(GraphException e, String argument, String problem) {
        return e.status() == 409 ? new ToolArgumentException(argument, problem) : e;
    }

    private static ObjectNode displayName(String name) {
        return JsonNodeFactory.instance.objectNode().put("displayName", name);
    }
}
