package org.m365mcp.tools.contacts;

/** The answer of {@code contact_delete}: the contact is gone for good (contacts have no Deleted Items copy). */
public record ContactDeletedAnswer(String accountId, String contactId, boolean deleted) {}
