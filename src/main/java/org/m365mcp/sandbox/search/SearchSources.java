package org.m365mcp.sandbox.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What one account's search can see: its messages, calendar events and drive items, each a fresh
 * copy at the time of the query.
 */
public record SearchSources(
        Supplier<List<ObjectNode>> messages, Supplier<List<ObjectNode>> events, Supplier<List<ObjectNode>> driveItems) {

    public SearchSources {
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(driveItems, "driveItems");
    }
}
