package org.m365mcp.tools.drive;

/**
 * The answer of {@code file_share}.
 *
 * @param created false when an identical link already existed and is given again
 */
public record ShareLinkAnswer(
        String accountId, String itemId, String linkId, String url, String type, String scope, boolean created) {}
