package org.m365mcp.tools.mail;

/**
 * The answer of {@code email_get_attachment}: where the attachment was saved, never its content.
 *
 * @param path        the absolute path of the saved file
 * @param size        bytes written
 * @param overwritten true when a file of that name was replaced ({@code overwrite=true})
 */
public record AttachmentSaved(
        String accountId,
        String messageId,
        String attachmentId,
        String name,
        String contentType,
        String path,
        long size,
        boolean overwritten) {}
