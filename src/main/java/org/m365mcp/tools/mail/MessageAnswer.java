package org.m365mcp.tools.mail;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer of a tool that changed one message in place ({@code email_update}, {@code email_flag},
 * {@code email_add_category}): the message as Graph holds it now.
 *
 * @param etag the message's {@code @odata.etag} after the change, for the next change's {@code etag}; null when
 *             Graph sent none
 */
public record MessageAnswer(String accountId, EmailSummary message, String etag) {

    /** The answer for {@code message}, Graph's answer to the change. */
    static MessageAnswer of(String accountId, JsonNode message) {
        return new MessageAnswer(
                accountId, EmailSummary.of(message), message.path("@odata.etag").asText(null));
    }
}
