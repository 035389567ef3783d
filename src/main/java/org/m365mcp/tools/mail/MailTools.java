package org.m365mcp.tools.mail;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import javax.cache.annotation.CacheResult;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphClientRequest;
import org.m365mcp.graph.GraphException;
import org.m365mcp.mcp.McpTool;
import org.m365mcp.mcp.ToolArgumentException;
import org.m365mcp.mcp.ToolParam;
import org.m365mcp.tools.Accounts;
import org.m365mcp.tools.DownloadFolder;
import org.m365mcp.tools.SearchPhrase;

/**
 * Mail tools that read: listing, one message, saving an attachment, searching. Composing and
 * sending are in {@code MailWriteTools}, changes to existing messages in {@code MessageChangeTools}.
 *
 * <ul>
 *   <li>Reads are cached per account and arguments ({@code email_list}, {@code email_get},
 *       {@code search_emails}); {@code email_get_attachment} is not, since it writes a file.
 *   <li>A Graph 404 for an id the caller gave is a tool error naming that argument.
 * </ul>
 */
@ApplicationScoped
public class MailTools {

    /** Characters of body per message in a listing with {@code include_body}: a listing must stay affordable. */
    static final int LIST_BODY_CHARS = 2_000;

    private static final int PAGE_SIZE = 50;
    private static final String PREFER_TEXT = "outlook.body-content-type=\"text\"";

    @Inject
    GraphClient graph;

    @Inject
    Accounts accounts;

    @Inject
    DownloadFolder downloads;

    /** Longest body part {@code email_get} returns at once; {@code body_offset} reads the rest. */
    @Inject
    @ConfigProperty(name = "m365.mcp.answers.max-body-chars")
    int maxBodyChars;

    @McpTool(
            name = "email_list",
            readOnly = true,
            idempotent = true,
            description = "List messages in a mail folder, newest first, with ids for email_get; page with skip.")
    @CacheResult(cacheName = "email_list")
    public EmailListAnswer emailList(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam(
                            value = "Folder: inbox, sentitems, drafts, deleteditems, archive, junkemail or a folder id",
                            defaultValue = "inbox")
                    String folder,
            @ToolParam(value = "Most messages to return", defaultValue = "25", min = 1, max = 200) int limit,
            @ToolParam(
                            value = "Messages to skip (next_skip of the previous page)",
                            defaultValue = "0",
                            min = 0,
                            max = 100_000)
                    int skip,
            @ToolParam(value = "Include each text body (cut to 2000 characters)", defaultValue = "false")
                    boolean includeBody,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        String account = accounts.require(accountId).id();
        MailArguments.folder("folder", folder);
        // One more than asked for tells whether there is a next page without another request.
        String path = "/me/mailFolders/" + folder + "/messages?$top=" + Math.min(limit + 1, PAGE_SIZE)
                + (skip > 0 ? "&$skip=" + skip : "")
                + "&$select=" + EmailSummary.FIELDS + (includeBody ? ",body" : "")
                + "&$orderby=receivedDateTime desc";
        GraphClientRequest request = GraphClientRequest.get(path);
        List<JsonNode> found;
        try {
            found = graph.getPaged(account, includeBody ? request.header("Prefer", PREFER_TEXT) : request, limit + 1);
        } catch (GraphException e) {
            throw e.isNotFound() ? noFolder(folder) : e;
        }
        List<EmailSummary> messages = found.stream()
                .limit(limit)
                .map(message -> EmailSummary.of(message, includeBody ? LIST_BODY_CHARS : null))
                .toList();
        Integer nextSkip = found.size() > limit ? skip + limit : null;
        return new EmailListAnswer(accountId, folder, skip, messages.size(), messages, nextSkip, null);
    }

    @McpTool(
            name = "email_get",
            readOnly = true,
            idempotent = true,
            description = "Get one message: recipients, dates, flags, body (text or html; a long one in parts, see"
                    + " body_note) and its attachments' ids.")
    @CacheResult(cacheName = "email_get")
    public EmailDetail emailGet(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Message id from email_list or search_emails") String messageId,
            @ToolParam(value = "Body as text or html", defaultValue = "text") String bodyFormat,
            @ToolParam(
                            value = "Body character to start at (next_body_offset of the previous part)",
                            defaultValue = "0",
                            min = 0,
                            max = Integer.MAX_VALUE)
                    int bodyOffset,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        String account = accounts.require(accountId).id();
        String id = MailArguments.messageId("message_id", messageId);
        String format = MailArguments.bodyFormat("body_format", bodyFormat);
        return MailFailures.aboutMessage("message_id", messageId, () -> {
            JsonNode message = graph.send(
                            account,
                            GraphClientRequest.get("/me/messages/" + id + "?$select=" + EmailDetail.FIELDS)
                                    .header("Prefer", "outlook.body-content-type=\"" + format + "\""))
                    .json();
            // Listed always: inline attachments do not count in hasAttachments, yet can be saved.
            List<AttachmentInfo> attachments = graph
                    .getPaged(account, "/me/messages/" + id + "/attachments?$select=" + AttachmentInfo.FIELDS, 250)
                    .stream()
                    .map(AttachmentInfo::of)
                    .toList();
            return EmailDetail.of(accountId, message, attachments, bodyOffset, maxBodyChars);
        });
    }

    /**
     * Saves one attachment to the download directory and answers its path and size, not its content.
     * Not read-only although it changes nothing in Graph: it writes a local file. Not destructive:
     * it never replaces a file unless {@code overwrite=true}. The content is streamed to disk.
     */
    @McpTool(
            name = "email_get_attachment",
            readOnly = false,
            destructive = false,
            idempotent = true,
            description = "Save a message's attachment to the server's download directory; returns the file's path"
                    + " and size, not the content, and a resource link to read it.")
    public AttachmentSaved emailGetAttachment(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("Message id") String messageId,
            @ToolParam("Attachment id from email_get") String attachmentId,
            @ToolParam(value = "File name to save as (no path); empty: the attachment's own name", defaultValue = "")
                    String fileName,
            @ToolParam(value = "Replace an existing file of that name", defaultValue = "false") boolean overwrite) {
        String account = accounts.require(accountId).id();
        String message = MailArguments.messageId("message_id", messageId);
        String attachment = MailArguments.attachmentId("attachment_id", attachmentId);
        String chosen = fileName.isEmpty() ? null : DownloadFolder.checkedName("file_name", fileName);
        String path = "/me/messages/" + message + "/attachments/" + attachment;
        JsonNode info;
        try {
            info = graph.get(account, path + "?$select=" + AttachmentInfo.FIELDS);
        } catch (GraphException e) {
            throw e.isNotFound()
                    ? new ToolArgumentException(
                            "attachment_id",
                            "no attachment with id '" + attachmentId + "' on message '" + messageId
                                    + "' (or no such message)")
                    : e;
        }
        if (info.path("@odata.type").asText("").endsWith("referenceAttachment")) {
            throw new ToolArgumentException("attachment_id", "is a link to a cloud file, not a file to save");
        }
        String name = chosen != null
                ? chosen
                : DownloadFolder.safeName(info.path("name").asText(""), "attachment");
        DownloadFolder.Saved saved = downloads.save(
                chosen != null ? "file_name" : "attachment_id",
                name,
                info.path("contentType").asText(null),
                overwrite,
                temporary -> graph.download(account, path + "/$value", temporary));
        return new AttachmentSaved(
                accountId,
                messageId,
                attachmentId,
                info.path("name").asText(name),
                info.path("contentType").asText(null),
                saved.path().toString(),
                saved.size(),
                saved.overwritten());
    }

    @McpTool(
            name = "search_emails",
            readOnly = true,
            idempotent = true,
            description = "Search messages (KQL: words, \"phrases\", from:, to:, subject:, hasattachments:true),"
                    + " newest first, with ids for email_get.")
    @CacheResult(cacheName = "search_emails")
    public SearchEmailsAnswer searchEmails(
            @ToolParam("Account id from account_list") String accountId,
            @ToolParam("What to look for, e.g. budget from:megan") String query,
            @ToolParam(value = "Folder to search (well-known name or id); empty: the whole mailbox", defaultValue = "")
                    String folder,
            @ToolParam(value = "Most messages to return", defaultValue = "25", min = 1, max = 200) int limit,
            @ToolParam(value = "Serve from the cache when possible", defaultValue = "true") boolean useCache,
            @ToolParam(value = "Fetch from Graph now and update the cache", defaultValue = "false")
                    boolean forceRefresh) {
        String account = accounts.require(accountId).id();
        String phrase = SearchPhrase.of("query", query);
        String scope = folder.isEmpty()
                ? "/me/messages"
                : "/me/mailFolders/" + MailArguments.folder("folder", folder) + "/messages";
        GraphClientRequest request = GraphClientRequest.get(scope + "?$search=" + phrase + "&$top="
                        + Math.min(limit, PAGE_SIZE) + "&$select=" + EmailSummary.FIELDS)
                .header("ConsistencyLevel", "eventual");
        try {
            List<EmailSummary> messages = graph.getPaged(account, request, limit).stream()
                    .map(EmailSummary::of)
                    .toList();
            return new SearchEmailsAnswer(
                    accountId, query, folder.isEmpty() ? null : folder, messages.size(), messages, null);
        } catch (GraphException e) {
            throw e.isNotFound() && !folder.isEmpty() ? noFolder(folder) : e;
        }
    }

    private static ToolArgumentException noFolder(String folder) {
        return new ToolArgumentException("folder", "no mail folder '" + folder + "'");
    }
}
