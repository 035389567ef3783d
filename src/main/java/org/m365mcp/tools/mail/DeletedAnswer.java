package org.m365mcp.tools.mail;

/**
 * The answer of {@code email_delete}.
 *
 * @param permanent true when it is gone for good; false when Graph moved it to Deleted Items
 *                  (where it gets a new id: find it with email_list folder deleteditems)
 */
public record DeletedAnswer(String accountId, String messageId, boolean permanent) {}
