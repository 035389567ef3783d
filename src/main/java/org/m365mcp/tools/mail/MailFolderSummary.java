package org.m365mcp.tools.mail;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One mail folder as the folder tools show it: no Graph noise, the ids a follow-up call needs.
 *
 * @param id       the folder id for email_list, emailfolders_get and the folder write tools
 * @param parentId the parent folder's id; null for the mailbox root
 */
public record MailFolderSummary(
        String id, String name, String parentId, int unreadCount, int totalCount, int childCount) {

    /** The fields {@link #of} reads, for {@code $select}. */
    static final String FIELDS = "id,displayName,parentFolderId,unreadItemCount,totalItemCount,childFolderCount";

    static MailFolderSummary of(JsonNode folder) {
        return new MailFolderSummary(
                folder.path("id").asText(),
                folder.path("displayName").asText(""),
                folder.path("parentFolderId").asText(null),
                folder.path("unreadItemCount").asInt(),
                folder.path("totalItemCount").asInt(),
                folder.path("childFolderCount").asInt());
    }
}
