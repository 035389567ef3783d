package org.m365mcp.tools.drive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.m365mcp.cache.annotation.Invalidate;
import org.m365mcp.cache.annotation.InvalidatesCache;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphClientRequest;
import org.m365mcp.graph.GraphResponse;
import org.m365mcp.mcp.CallProgress;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;
import org.m365mcp.tools.Confirmation;
import org.m365mcp.tools.IfMatch;

/**
 * OneDrive file writes: create (upload), update (replace content), delete, copy, move, rename, with
 * SPEC §3's invalidations. Sharing links are {@link FileShareTools}.
 *
 * <ul>
 *   <li>{@code file_list} is invalidated whole by writes that add or remove a file: its cached calls
 *       may name the same folder by id or by path, so "the parent's listing" has no single key.</li>
 *   <li>Uploads up to {@link FileUploads#MAX_SIMPLE_UPLOAD} bytes are Graph's simple PUT; a larger
 *       local file goes through an upload session ({@link ResumableUpload}), streamed from disk.</li>
 *   <li>{@code file_move} and {@code file_rename} take the {@code etag} {@code file_get} returned and
 *       send it as {@code If-Match} ({@link IfMatch}): a file changed meanwhile is left as it is. Graph
 *       documents no {@code If-Match} for a content upload, so {@code file_update} takes none.</li>
 * </ul>
 */
@ApplicationScoped
public class FileWriteTools {

    private static final String ETAG = "etag from file_get: refused if the file changed since";

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    @Inject
    FileUploads uploads;

    @Inject
    CallProgress progress;

    @McpTool(
            name = "file_create",
            description = "Upload a new OneDrive file from inline text (up to 4 MB) or a file in the download directory"
                    + " (larger files go through an upload session, up to 250 MB by default).")
    @InvalidatesCache({@Invalidate(operation = "file_list"), @Invalidate(operation = "folder_get_tree")})
    public DriveItemChanged fileCreate(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Name of the new file, e.g. notes.txt") String name,
            @ToolParam(value = "Folder id, or a path such as /Documents; empty for the root", defaultValue = "")
                    String parentFolder,
            @ToolParam(value = "The file's text (UTF-8); empty when local_file is given", defaultValue = "")
                    String content,
            @ToolParam(
                            value = "Name of a file in the server's download directory to upload instead of content",
                            defaultValue = "")
                    String localFile,
            @ToolParam(value = "When the name is taken: fail, rename (adds a number) or replace", defaultValue = "fail")
                    String conflictBehavior) {
        accounts.require(accountId);
        String fileName = DriveArguments.name("name", name);
        DriveItemRef parent = DriveArguments.folder("parent_folder", parentFolder);
        String behavior = DriveArguments.conflict("conflict_behavior", conflictBehavior);
        FileUploads.Source source = uploads.source(content, localFile);
        DriveItem item = DriveItem.of(DriveFailures.named(
                "name",
                fileName,
                () -> DriveFailures.addressed(
                        "parent_folder",
                        "folder",
                        parent,
                        () -> upload(
                                accountId,
                                parent.upload(fileName) + "?@microsoft.graph.conflictBehavior=" + behavior,
                                parent.uploadSession(fileName),
                                behavior,
                                source))));
        return new DriveItemChanged(
                accountId,
                item.id(),
                item,
                "Uploaded '" + item.name() + "' (" + source.size() + " bytes" + how(source) + ") to " + parent.shown()
                        + ".");
    }

    @McpTool(
            name = "file_update",
            idempotent = true,
            description = "Replace a OneDrive file's content with inline text (up to 4 MB) or a file in the download"
                    + " directory (larger files go through an upload session).")
    @InvalidatesCache(@Invalidate(operation = "file_get", param = "file_id"))
    public DriveItemChanged fileUpdate(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("File id from file_list") String fileId,
            @ToolParam(value = "The new text (UTF-8); empty when local_file is given", defaultValue = "")
                    String content,
            @ToolParam(
                            value = "Name of a file in the server's download directory to upload instead of content",
                            defaultValue = "")
                    String localFile) {
        accounts.require(accountId);
        DriveItemRef ref = DriveArguments.file("file_id", fileId);
        FileUploads.Source source = uploads.source(content, localFile);
        DriveItem item = DriveItem.of(DriveFailures.addressed(
                "file_id",
                "file",
                ref,
                () -> upload(accountId, ref.below("content"), ref.below("createUploadSession"), "replace", source)));
        return new DriveItemChanged(
                accountId,
                item.id(),
                item,
                "Replaced the content of '" + item.name() + "' (" + source.size() + " bytes" + how(source) + ").");
    }

    @McpTool(
            name = "file_delete",
            destructive = true,
            idempotent = true,
            description = "Delete a OneDrive file (to the recycle bin). Needs confirm=true.")
    @InvalidatesCache({
        @Invalidate(operation = "file_list"),
        @Invalidate(operation = "file_get", param = "file_id"),
        @Invalidate(operation = "folder_get_tree")
    })
    public DriveItemChanged fileDelete(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("File id from file_list") String fileId,
            @ToolParam(value = "Must be true: the file is deleted", defaultValue = "false") boolean confirm) {
        accounts.require(accountId);
        DriveItemRef ref = DriveArguments.file("file_id", fileId);
        Confirmation.require(confirm, "deletes file " + ref.shown());
        DriveFailures.requireKind(graph, accountId, "file_id", ref, false, "use folder_delete");
        DriveFailures.addressed("file_id", "file", ref, () -> {
            graph.delete(accountId, ref.item());
            return null;
        });
        return new DriveItemChanged(accountId, ref.id(), null, "Deleted file " + ref.shown() + ".");
    }

    @McpTool(
            name = "file_copy",
            description = "Copy a OneDrive file into a folder, optionally under a new name; answers the copy's id.")
    @InvalidatesCache({@Invalidate(operation = "file_list"), @Invalidate(operation = "folder_get_tree")})
    public DriveItemChanged fileCopy(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("File id from file_list") String fileId,
            @ToolParam(value = "Destination folder id or path; empty for the file's own folder", defaultValue = "")
                    String destinationFolder,
            @ToolParam(value = "The copy's name; empty to keep the name", defaultValue = "") String newName) {
        accounts.require(accountId);
        DriveItemRef ref = DriveArguments.file("file_id", fileId);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (destinationFolder != null && !destinationFolder.isBlank()) {
            body.set(
                    "parentReference",
                    DriveFailures.destination(
                            graph,
                            accountId,
                            "destination_folder",
                            DriveArguments.folder("destination_folder", destinationFolder)));
        }
        String name = newName == null || newName.isBlank() ? null : DriveArguments.name("new_name", newName);
        if (name != null) {
            body.put("name", name);
        }
        GraphResponse accepted = DriveFailures.named(
                name == null ? "destination_folder" : "new_name",
                name == null ? "that name" : name,
                () -> DriveFailures.addressed(
                        "file_id",
                        "file or destination folder",
                        ref,
                        () -> graph.send(accountId, GraphClientRequest.post(ref.below("copy"), body))));
        CopyMonitor.Result copy = new CopyMonitor(graph).await(accepted);
        if (copy.itemId() == null) {
            return new DriveItemChanged(accountId, null, null, copy.message());
        }
        DriveItem item = DriveItem.of(
                graph.get(accountId, DriveItemRef.byId(copy.itemId()).item()));
        return new DriveItemChanged(accountId, item.id(), item, "Copied " + ref.shown() + " to " + item.path() + ".");
    }

    @McpTool(name = "file_move", idempotent = true, description = "Move a OneDrive file into another folder.")
    @InvalidatesCache({
        @Invalidate(operation = "file_list"),
        @Invalidate(operation = "folder_get_tree"),
        @Invalidate(operation = "file_get", param = "file_id")
    })
    public DriveItemChanged fileMove(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("File id from file_list") String fileId,
            @ToolParam("Destination folder id, or a path such as /Archive; / for the root") String destinationFolder,
            @ToolParam(value = ETAG, defaultValue = "") String etag) {
        accounts.require(accountId);
        DriveItemRef ref = DriveArguments.file("file_id", fileId);
        DriveItemRef destination = DriveArguments.folder("destination_folder", destinationFolder);
        IfMatch ifMatch = ifMatch(etag);
        DriveFailures.requireKind(graph, accountId, "file_id", ref, false, "use folder_move");
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("parentReference", DriveFailures.destination(graph, accountId, "destination_folder", destination));
        JsonNode moved = patch(accountId, ref, "destination_folder", "that name", body, ifMatch);
        return DriveItemChanged.of(accountId, moved, item -> "Moved " + ref.shown() + " to " + item.path() + ".");
    }

    @McpTool(name = "file_rename", idempotent = true, description = "Rename a OneDrive file.")
    @InvalidatesCache({@Invalidate(operation = "file_list"), @Invalidate(operation = "file_get", param = "file_id")})
    public DriveItemChanged fileRename(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("File id from file_list") String fileId,
            @ToolParam("The file's new name") String newName,
            @ToolParam(value = ETAG, defaultValue = "") String etag) {
        accounts.require(accountId);
        DriveItemRef ref = DriveArguments.file("file_id", fileId);
        String name = DriveArguments.name("new_name", newName);
        IfMatch ifMatch = ifMatch(etag);
        DriveFailures.requireKind(graph, accountId, "file_id", ref, false, "use folder_rename");
        JsonNode renamed = patch(
                accountId,
                ref,
                "new_name",
                name,
                JsonNodeFactory.instance.objectNode().put("name", name),
                ifMatch);
        return DriveItemChanged.of(accountId, renamed, item -> "Renamed " + ref.shown() + " to '" + name + "'.");
    }

    /** A simple PUT to {@code simplePath} up to 4 MB; above, an upload session created at {@code sessionPath}. */
    private JsonNode upload(
            String accountId, String simplePath, String sessionPath, String behavior, FileUploads.Source source) {
        return source.isSmall()
                ? graph.send(accountId, GraphClientRequest.put(simplePath, source.bytes(), "application/octet-stream"))
                        .json()
                : session(accountId, sessionPath, behavior, source);
    }

    private JsonNode session(String accountId, String createPath, String behavior, FileUploads.Source source) {
        ObjectNode item = JsonNodeFactory.instance
                .objectNode()
                .put("@microsoft.graph.conflictBehavior", behavior)
                .put("fileSize", source.size());
        return new ResumableUpload(graph, UploadRanges.FRAGMENT, progress.current())
                .upload(accountId, createPath, item, source.file(), source.size());
    }

    private static String how(FileUploads.Source source) {
        return source.isSmall() ? "" : ", through an upload session";
    }

    private JsonNode patch(
            String accountId, DriveItemRef ref, String nameArgument, String name, ObjectNode body, IfMatch ifMatch) {
        return DriveFailures.named(
                nameArgument,
                name,
                () -> DriveFailures.addressed(
                        "file_id",
                        "file or destination folder",
                        ref,
                        () -> ifMatch.patch(graph, accountId, ref.item(), body)));
    }

    private static IfMatch ifMatch(String etag) {
        return IfMatch.of(etag, "file", "file_get");
    }
}
