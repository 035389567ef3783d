package org.m365mcp.tools.mail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One message in a listing or search: what an assistant needs to decide what to open next, no Graph noise.
 *
 * @param id            the message id for email_get and the write tools
 * @param body          the text body when it was asked for ({@code include_body}), else null
 * @param bodyTruncated true when {@code body} was cut; null when there is no body
 */
public record EmailSummary(
        String id,
        String subject,
        String from,
        String receivedAt,
        String preview,
        boolean isRead,
        boolean hasAttachments,
        String importance,
        boolean flagged,
        List<String> categories,
        String body,
        Boolean bodyTruncated) {

    /** Graph's {@code $select} for a summary without body. */
    static final String FIELDS =
            "id,subject,from,receivedDateTime,bodyPreview,isRead,hasAttachments,importance,flag,categories";

    /** A summary without body. */
    static EmailSummary of(JsonNode message) {
        return of(message, null);
    }

    /** A summary with the message's body cut to {@code maxBodyChars}, or without body when that is null. */
    static EmailSummary of(JsonNode message, Integer maxBodyChars) {
        MessageText.Body body = maxBodyChars == null ? null : MessageText.body(message, maxBodyChars);
        return new EmailSummary(
                message.path("id").asText(),
                message.path("subject").asText(""),
                MessageText.address(message.path("from")),
                message.path("receivedDateTime").asText(null),
                message.path("bodyPreview").asText(""),
                message.path("isRead").asBoolean(false),
                message.path("hasAttachments").asBoolean(false),
                message.path("importance").asText("normal"),
                "flagged".equals(MessageText.flag(message)),
                MessageText.strings(message.path("categories")),
                body == null ? null : body.text(),
                body == null ? null : body.truncated());
    }
}
