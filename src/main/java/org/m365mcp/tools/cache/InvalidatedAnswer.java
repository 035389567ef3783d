package org.m365mcp.tools.cache;

/**
 * The answer of {@code cache_invalidate}.
 *
 * @param keyPattern  the whole-key pattern applied ({@code operation:account:params})
 * @param invalidated how many entries were removed
 */
public record InvalidatedAnswer(String accountId, String resourceType, String keyPattern, int invalidated) {}
