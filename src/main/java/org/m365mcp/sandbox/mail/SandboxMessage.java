package org.m365mcp.sandbox.mail;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.m365mcp.sandbox.common.Recipient;

/**
 * One seeded message, immutable; {@link MessageJson} renders it in Graph's JSON shape.
 *
 * <ul>
 *   <li>{@code importance} is {@code low}, {@code normal} or {@code high}; {@code flagStatus} is
 *       {@code notFlagged}, {@code flagged} or {@code complete}.
 *   <li>Lists are copied and unmodifiable; no field is {@code null}.
 * </ul>
 */
record SandboxMessage(
        String id,
        String parentFolderId,
        String conversationId,
        String subject,
        Recipient from,
        List<Recipient> toRecipients,
        List<Recipient> ccRecipients,
        Instant receivedDateTime,
        String body,
        boolean isRead,
        boolean isDraft,
        boolean hasAttachments,
        String importance,
        String flagStatus,
        List<String> categories) {

    SandboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(parentFolderId, "parentFolderId");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(receivedDateTime, "receivedDateTime");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(importance, "importance");
        Objects.requireNonNull(flagStatus, "flagStatus");
        toRecipients = List.copyOf(toRecipients);
        ccRecipients = List.copyOf(ccRecipients);
        categories = List.copyOf(categories);
    }

    /** Graph's preview: the body's text, whitespace collapsed, at most 255 characters. */
    String bodyPreview() {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() <= 255 ? flat : flat.substring(0, 255);
    }
}
