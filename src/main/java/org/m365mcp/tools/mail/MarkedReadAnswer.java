package org.m365mcp.tools.mail;

import java.util.List;

/**
 * The answer of {@code email_mark_read}.
 *
 * @param updated  the ids now marked
 * @param notFound the ids no message had (the others were still marked); null when none
 */
public record MarkedReadAnswer(String accountId, boolean isRead, List<String> updated, List<String> notFound) {

    public MarkedReadAnswer {
        updated = List.copyOf(updated);
        notFound = notFound == null || notFound.isEmpty() ? null : List.copyOf(notFound);
    }
}
