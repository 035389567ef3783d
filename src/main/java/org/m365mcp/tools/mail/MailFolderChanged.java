package org.m365mcp.tools.mail;

/**
 * The answer of a folder write that leaves the folder in place: create, rename, move, delete.
 *
 * @param folder  the folder as Graph has it now; null after a delete
 * @param message what was done, in one sentence
 */
public record MailFolderChanged(String accountId, String folderId, MailFolderSummary folder, String message) {}
