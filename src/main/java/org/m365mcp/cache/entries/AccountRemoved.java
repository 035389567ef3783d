package org.m365mcp.cache.entries;

/**
 * A CDI event: everything cached for {@code accountId} was removed from both tiers, its queued tasks
 * with it (signing out). Whatever keeps per-account state beside the cache observes it.
 */
public record AccountRemoved(String accountId) {}
