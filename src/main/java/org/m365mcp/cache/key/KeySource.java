package org.m365mcp.cache.key;

/** Where the cache key in use came from. */
public enum KeySource {
    /** Read from the OS keyring. */
    KEYRING,
    /** Read from the environment variable {@code M365_MCP_CACHE_KEY}. */
    ENVIRONMENT,
    /** Newly generated and stored in the OS keyring: it survives a restart. */
    GENERATED_AND_STORED,
    /** Newly generated but could not be stored anywhere: lost when the process ends. */
    GENERATED_EPHEMERAL
}
