package org.m365mcp.cache.entries;

/**
 * A CDI event: {@code count} entries of {@code operation} were removed to keep the store within its
 * limits. Metrics observe it.
 */
public record EntriesEvicted(String operation, long count) {}
