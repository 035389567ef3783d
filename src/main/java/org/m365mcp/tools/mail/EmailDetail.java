package org.m365mcp.tools.mail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;
import org.m365mcp.tools.BodyPart;

/**
 * The answer of {@code email_get}: one message with its body and the list of its attachments.
 *
 * <ul>
 *   <li>Recipient lists, categories and attachments are null (left out) when empty.
 *   <li>{@code bodyFormat} is what Graph sent ({@code text} or {@code html}); a message stored as
 *       text stays text when html is asked for.
 *   <li>{@code body} holds at most {@code m365.mcp.answers.max-body-chars} characters from
 *       {@code body_offset}; {@code bodyTruncated} says whether more follows, {@code nextBodyOffset} where
 *       the next part starts and {@code bodyNote} how much is left and how to read it (both null when
 *       the whole body is shown).
 * </ul>
 *
 * @param etag  Graph's {@code @odata.etag} of the message as read, the {@code etag} its changes may send; null when
 *              Graph sent none
 * @param flag  {@code flagged} or {@code complete}; null when not flagged
 * @param cache which cache state served it; null in the form that is stored
 */
public record EmailDetail(
        String accountId,
        String id,
        String etag,
        String subject,
        String from,
        List<String> to,
        List<String> cc,
        List<String> bcc,
        List<String> replyTo,
        String receivedAt,
        String sentAt,
        boolean isRead,
        boolean isDraft,
        String importance,
        String flag,
        List<String> categories,
        String conversationId,
        String webLink,
        String bodyFormat,
        String body,
        boolean bodyTruncated,
        Integer nextBodyOffset,
        String bodyNote,
        List<AttachmentInfo> attachments,
        CacheInfo cache)
        implements CacheStamped<EmailDetail> {

    /** Graph's {@code $select} for one message. */
    static final String FIELDS = "id,subject,from,toRecipients,ccRecipients,bccRecipients,replyTo,receivedDateTime,"
            + "sentDateTime,isRead,isDraft,importance,flag,categories,conversationId,webLink,body";

    /** The answer for {@code message}, its body cut by {@link BodyPart} from {@code bodyOffset}. */
    static EmailDetail of(
            String accountId, JsonNode message, List<AttachmentInfo> attachments, int bodyOffset, int maxBodyChars) {
        BodyPart body = BodyPart.of(
                message.path("body").path("content").asText(""), bodyOffset, maxBodyChars, "email_get", BodyPart.BODY);
        return new EmailDetail(
                accountId,
                message.path("id").asText(),
                message.path("@odata.etag").asText(null),
                message.path("subject").asText(""),
                MessageText.address(message.path("from")),
                MessageText.addresses(message.path("toRecipients")),
                MessageText.addresses(message.path("ccRecipients")),
                MessageText.addresses(message.path("bccRecipients")),
                MessageText.addresses(message.path("replyTo")),
                message.path("receivedDateTime").asText(null),
                message.path("sentDateTime").asText(null),
                message.path("isRead").asBoolean(false),
                message.path("isDraft").asBoolean(false),
                message.path("importance").asText("normal"),
                MessageText.flag(message),
                MessageText.strings(message.path("categories")),
                message.path("conversationId").asText(null),
                message.path("webLink").asText(null),
                message.path("body").path("contentType").asText("text").toLowerCase(java.util.Locale.ROOT),
                body.text(),
                body.truncated(),
                body.nextOffset(),
                body.note(),
                attachments.isEmpty() ? null : List.copyOf(attachments),
                null);
    }

    @Override
    public EmailDetail withCache(CacheInfo info) {
        return new EmailDetail(
                accountId,
                id,
                etag,
                subject,
                from,
                to,
                cc,
                bcc,
                replyTo,
                receivedAt,
                sentAt,
                isRead,
                isDraft,
                importance,
                flag,
                categories,
                conversationId,
                webLink,
                bodyFormat,
                body,
                bodyTruncated,
                nextBodyOffset,
                bodyNote,
                attachments,
                info);
    }
}
