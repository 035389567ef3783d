package org.m365mcp.tools.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import javax.cache.annotation.CacheResult;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;

/** Mail tools: reading and acting on messages through Graph. */
@ApplicationScoped
public class MailTools {

    /** Well-known folder names or Graph ids (base64url-like); nothing that could change the URL path. */
    private static final Pattern FOLDER = Pattern.compile("[A-Za-z0-9_=+\\-.]{1,512}");
    private static final String SUMMARY_FIELDS =
            "id,subject,from,receivedDateTime,bodyPreview,isRead,hasAttachments,importance,flag,categories";

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    @McpTool(name = "email_list", readOnly = true, idempotent = true,
            description = "List messages in a mail folder, newest first, with ids for email_get.")
    @CacheResult(cacheName = "email_list")
    public EmailListAnswer emailList(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam(value = "Folder: inbox, sentitems, drafts, deleteditems, archive, junkemail or a folder id",
                    defaultValue = "inbox") String folder,
            @ToolParam(value = "Most messages to return", defaultValue = "25", min = 1, max = 200) int limit,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
            boolean forceRefresh) {
        accounts.require(accountId);
        if (!FOLDER.matcher(folder).matches()) {
            throw new ToolArgumentException("folder", "must be a well-known folder name or a folder id, got \""
                    + folder + "\"");
        }
        String path = "/me/mailFolders/" + folder + "/messages?$top=" + Math.min(limit, 50)
                + "&$select=" + SUMMARY_FIELDS + "&$orderby=receivedDateTime desc";
        var messages = graph.getPaged(accountId, path, limit).stream().map(EmailSummary::of).toList();
        return new EmailListAnswer(accountId, folder, messages.size(), messages, null);
    }
}
