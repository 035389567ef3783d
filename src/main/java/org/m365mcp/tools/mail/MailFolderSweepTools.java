package org.m365mcp.tools.mail;

import static org.m365mcp.tools.mail.MailFolderTools.FOLDER_ID;
import static org.m365mcp.tools.mail.MailFolderTools.addressed;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.m365mcp.cache.annotation.Invalidate;
import org.m365mcp.cache.annotation.InvalidatesCache;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphClientRequest;
import org.m365mcp.mcp.CallProgress;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.mcp.ToolProgress;
import org.m365mcp.tools.Accounts;
import org.m365mcp.tools.Confirmation;

/**
 * The mail folder tools that sweep every message of one folder: mark all as read, empty.
 *
 * <ul>
 *   <li>Each call handles at most {@code max_messages}, says how many it did, how many were already
 *       gone, and whether more remain ({@link FolderSweep}).</li>
 *   <li>Both invalidate the folder reads and the account's message reads: counts and listings change,
 *       and which messages changed is not tracked per entry.</li>
 * </ul>
 */
@ApplicationScoped
public class MailFolderSweepTools {

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    @Inject
    CallProgress progress;

    @McpTool(
            name = "emailfolders_mark_all_as_read",
            idempotent = true,
            description = "Mark every unread message of a folder as read (subfolders not included); says how many.")
    @InvalidatesCache({
        @Invalidate(operation = "emailfolders_*"),
        @Invalidate(operation = "email_list"),
        @Invalidate(operation = "email_get")
    })
    public FolderSweepAnswer emailfoldersMarkAllAsRead(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam(FOLDER_ID) String folderId,
            @ToolParam(value = "Most messages to mark in this call", defaultValue = "500", min = 1, max = 5000)
                    int maxMessages) {
        accounts.require(accountId);
        String id = IdArguments.folder("folder_id", folderId);
        List<String> unread = messageIds(accountId, id, "&$filter=isRead eq false", maxMessages);
        ObjectNode read = JsonNodeFactory.instance.objectNode().put("isRead", true);
        var outcome = FolderSweep.run(
                unread.subList(0, Math.min(maxMessages, unread.size())),
                message -> graph.patch(accountId, "/me/messages/" + message, read),
                progress.current(),
                "marked as read");
        boolean more = unread.size() > maxMessages;
        return new FolderSweepAnswer(
                accountId,
                id,
                outcome.done(),
                outcome.skipped(),
                more,
                outcome.stoppedBy(),
                "Marked " + outcome.done() + " messages of folder " + id + " as read" + ending(outcome, more));
    }

    @McpTool(
            name = "emailfolders_empty",
            destructive = true,
            description = "Delete every message of a folder, flagged and unread ones included (subfolders kept):"
                    + " into Deleted Items, or for good when emptying Deleted Items. Needs confirm=true.")
    @InvalidatesCache({
        @Invalidate(operation = "emailfolders_*"),
        @Invalidate(operation = "email_list"),
        @Invalidate(operation = "email_get")
    })
    public FolderSweepAnswer emailfoldersEmpty(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam(FOLDER_ID) String folderId,
            @ToolParam(value = "Most messages to delete in this call", defaultValue = "500", min = 1, max = 5000)
                    int maxMessages,
            @ToolParam(value = "Must be true: every message of the folder is deleted", defaultValue = "false")
                    boolean confirm) {
        accounts.require(accountId);
        String id = IdArguments.folder("folder_id", folderId);
        Confirmation.require(
                confirm,
                "deletes every message of folder " + id + ", flagged and unread ones included" + " (up to "
                        + maxMessages + "): into Deleted Items, or for good when it is Deleted Items");
        List<String> all = messageIds(accountId, id, "", maxMessages);
        var outcome = FolderSweep.run(
                all.subList(0, Math.min(maxMessages, all.size())),
                message -> graph.delete(accountId, "/me/messages/" + message),
                progress.current(),
                "deleted");
        boolean more = all.size() > maxMessages;
        return new FolderSweepAnswer(
                accountId,
                id,
                outcome.done(),
                outcome.skipped(),
                more,
                outcome.stoppedBy(),
                "Deleted " + outcome.done() + " messages of folder " + id
                        + " (into Deleted Items, or for good from Deleted Items itself; subfolders untouched)"
                        + ending(outcome, more));
    }

    /** The ids of the messages directly in {@code folder}, one more than {@code max} when there are more. */
    private List<String> messageIds(String accountId, String folder, String filter, int max) {
        String path = "/me/mailFolders/" + folder + "/messages?$select=id&$top=100" + filter;
        ToolProgress call = progress.current();
        return addressed(
                        "folder_id",
                        folder,
                        () -> graph.getPaged(
                                accountId, GraphClientRequest.get(path), max + 1, read -> call.stopIfCancelled()))
                .stream()
                .map(message -> message.path("id").asText())
                .toList();
    }

    private static String ending(FolderSweep.Outcome outcome, boolean more) {
        return (outcome.skipped() > 0 ? "; " + outcome.skipped() + " were already gone" : "")
                + (outcome.stoppedBy() != null
                        ? "; stopped early: " + outcome.stoppedBy()
                        : more ? "; more remain: call again" : "")
                + ".";
    }
}
