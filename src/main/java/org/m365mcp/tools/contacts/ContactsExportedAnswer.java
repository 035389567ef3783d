package org.m365mcp.tools.contacts;

/**
 * The answer of {@code contact_export}: where the file was written, never its content.
 *
 * @param folderId    the folder exported; null for every contact folder
 * @param path        the absolute path of the written file
 * @param size        bytes written
 * @param truncated   true when the account has more contacts than {@code limit}
 * @param overwritten true when a file of that name was replaced
 */
public record ContactsExportedAnswer(
        String accountId,
        String folderId,
        String format,
        int count,
        boolean truncated,
        String path,
        long size,
        boolean overwritten) {}
