package org.m365mcp.tools.drive;

/**
 * The answer of a OneDrive write: the item written and a sentence saying what happened.
 *
 * @param itemId the item created, changed or deleted (for a copy: the new item)
 * @param item   the item as it is now; null after a delete, or when Graph did not say
 */
public record DriveItemChanged(String accountId, String itemId, DriveItem item, String message) {}
