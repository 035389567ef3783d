package org.m365mcp.tools.mail;

/**
 * The answer of a tool that changed one message in place ({@code email_update}, {@code email_flag},
 * {@code email_add_category}): the message as Graph holds it now.
 */
public record MessageAnswer(String accountId, EmailSummary message) {}
