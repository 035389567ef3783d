package org.m365mcp.tools.mail;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One attachment of a message, without its content: save it with {@code email_get_attachment}.
 *
 * @param size bytes, as Graph reports them
 */
public record AttachmentInfo(String id, String name, long size, String contentType, boolean isInline) {

    /** Graph's {@code $select} for an attachment listing. */
    static final String FIELDS = "id,name,size,contentType,isInline";

    static AttachmentInfo of(JsonNode attachment) {
        return new AttachmentInfo(
                attachment.path("id").asText(),
                attachment.path("name").asText(""),
                attachment.path("size").asLong(0),
                attachment.path("contentType").asText(null),
                attachment.path("isInline").asBoolean(false));
    }
}
