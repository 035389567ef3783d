package org.m365mcp.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One item a delta round reported: changed (in its new state) or removed from the collection
 * ({@code @removed}, or for the drive a {@code deleted} facet).
 *
 * @param id      the item's id
 * @param removed true when it left the collection (deleted, or moved out of the folder or window)
 * @param item    the item as Graph sent it
 */
public record DeltaChange(String id, boolean removed, JsonNode item) {

    public DeltaChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(item, "item");
    }

    /** The change {@code item} of a delta page stands for. */
    public static DeltaChange of(JsonNode item) {
        boolean removed = item.has("@removed") || item.has("deleted");
        return new DeltaChange(item.path("id").asText(""), removed, item);
    }
}
