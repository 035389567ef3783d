package org.m365mcp.sandbox.delta;

/** What happened to an item: Graph's {@code changeType} values. */
public enum ChangeKind {
    CREATED,
    UPDATED,
    DELETED;

    /** Graph's spelling: {@code created}, {@code updated}, {@code deleted}. */
    public String graphName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
