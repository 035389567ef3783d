package org.m365mcp.tools.contacts;

/**
 * The answer of {@code contact_create_list}: the new contact folder that stands for the list.
 *
 * @param listId the folder's id, for {@code contact_add_to_list}, {@code contact_list} and {@code contact_export}
 */
public record ContactListCreatedAnswer(String accountId, String listId, String name) {}
