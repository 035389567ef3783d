package org.m365mcp.tools.drive;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * The answer of a OneDrive write: the item written and a sentence saying what happened.
 *
 * @param itemId the item created, changed or deleted (for a copy: the new item)
 * @param item   the item as it is now; null after a delete, or when Graph did not say
 * @param etag   the item's {@code eTag} after a rename or move, for a next change's {@code etag}; null otherwise
 */
public record DriveItemChanged(String accountId, String itemId, DriveItem item, String message, String etag) {

    /** A write whose answer carries no etag. */
    public DriveItemChanged(String accountId, String itemId, DriveItem item, String message) {
        this(accountId, itemId, item, message, null);
    }

    /** The answer for Graph's {@code driveItem} {@code changed} (a rename or move), said by {@code message}. */
    static DriveItemChanged of(String accountId, JsonNode changed, Function<DriveItem, String> message) {
        DriveItem item = DriveItem.of(changed);
        return new DriveItemChanged(
                accountId,
                item.id(),
                item,
                message.apply(item),
                changed.path("eTag").asText(null));
    }
}
