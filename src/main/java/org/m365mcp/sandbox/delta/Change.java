package org.m365mcp.sandbox.delta;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One recorded change: its position in its log, when, in which container, to which item, and what.
 *
 * @param tombstone what a delta answer shows of a deleted item when the store no longer has it (OneDrive's
 *                  {@code deleted} facet with the last parent), or {@code null} where Graph shows only {@code @removed}
 */
public record Change(
        long sequence, Instant at, String container, String itemId, ChangeKind kind, ObjectNode tombstone) {

    public Change {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(kind, "kind");
    }
}
