package org.m365mcp.tools.mail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.m365mcp.cache.annotation.CacheInfo;
import org.m365mcp.cache.annotation.CacheStamped;

/**
 * The answer of {@code email_get}: one message with its body and the list of its attachments.
 *
 * <ul>
 *   <li>Recipient lists, categories and attachments are null (left out) when empty.
 *   <li>{@code bodyFormat} is what Graph sent ({@code text} or {@code html}); a message stored as
 *       text stays text when html is asked for.
 *   <li>{@code body} holds at most {@link #MAX_BODY_CHARS} characters; {@code bodyTruncated} says
 *       whether it was cut.
 * </ul>
 *
 * @param flag  {@code flagged} or {@code complete}; null when not flagged
 * @param cache which cache state served it; null in the form that is stored
 */
public record EmailDetail(String accountId, String id, String subject, String from, List<String> to,
        List<String> cc, List<String> bcc, List<String> replyTo, String receivedAt, String sentAt, boolean isRead,
        boolean isDraft, String importance, String flag, List<String> categories, String conversationId,
        String webLink, String bodyFormat, String body, boolean bodyTruncated, List<AttachmentInfo> attachments,
        CacheInfo cache) implements CacheStamped<EmailDetail> {

    /** Longest body returned, in characters: about 12,000 tokens, enough for nearly every real message. */
    static final int MAX_BODY_CHARS = 50_000;

    /** Graph's {@code $select} for one message. */
    static final String FIELDS = "id,subject,from,toRecipients,ccRecipients,bccRecipients,replyTo,receivedDateTime,"
            + "sentDateTime,isRead,isDraft,importance,flag,categories,conversationId,webLink,body";

    static EmailDetail of(String accountId, JsonNode message, List<AttachmentInfo> attachments) {
        MessageText.Body body = MessageText.body(message, MAX_BODY_CHARS);
        return new EmailDetail(accountId, message.path("id").asText(), message.path("subject").asText(""),
                MessageText.address(message.path("from")), MessageText.addresses(message.path("toRecipients")),
                MessageText.addresses(message.path("ccRecipients")), MessageText.addresses(message.path("bccRecipients")),
                MessageText.addresses(message.path("replyTo")), message.path("receivedDateTime").asText(null),
                message.path("sentDateTime").asText(null), message.path("isRead").asBoolean(false),
                message.path("isDraft").asBoolean(false), message.path("importance").asText("normal"),
                MessageText.flag(message), MessageText.strings(message.path("categories")),
                message.path("conversationId").asText(null), message.path("webLink").asText(null),
                message.path("body").path("contentType").asText("text").toLowerCase(java.util.Locale.ROOT),
                body.text(), body.truncated(), attachments.isEmpty() ? null : List.copyOf(attachments), null);
    }

    @Override
    public EmailDetail withCache(CacheInfo info) {
        return new EmailDetail(accountId, id, subject, from, to, cc, bcc, replyTo, receivedAt, sentAt, isRead,
                isDraft, importance, flag, categories, conversationId, webLink, bodyFormat, body, bodyTruncated,
                attachments, info);
    }
}
