package org.m365mcp.tools.mail;

import java.util.List;

/**
 * The answer of {@code email_create_draft}.
 *
 * @param draftId the id for email_send (draft_id), email_update and email_delete
 * @param to      the recipients' addresses; null when there are none yet
 */
public record DraftAnswer(String accountId, String draftId, String subject, List<String> to) {

    public DraftAnswer {
        to = to == null || to.isEmpty() ? null : List.copyOf(to);
    }
}
