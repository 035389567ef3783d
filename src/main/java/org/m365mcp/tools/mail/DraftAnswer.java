package org.m365mcp.tools.mail;

import java.util.List;

/**
 * The answer of {@code email_create_draft}.
 *
 * @param draftId    the id for email_send (draft_id), email_update and email_delete
 * @param recipients the addresses in to, cc and bcc; null when there are none yet
 */
public record DraftAnswer(String accountId, String draftId, String subject, List<String> recipients) {

    public DraftAnswer {
        recipients = recipients == null || recipients.isEmpty() ? null : List.copyOf(recipients);
    }
}
