package org.m365mcp.tools.mail;

/**
 * The answer of {@code email_move} and {@code email_archive}.
 *
 * @param previousId the id the message had; Graph gives a moved message a new id, so this one is gone
 * @param messageId  the message's id from now on
 * @param folder     the destination as the caller named it
 */
public record MovedAnswer(String accountId, String previousId, String messageId, String folder) {}
