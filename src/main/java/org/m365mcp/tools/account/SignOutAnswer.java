package org.m365mcp.tools.account;

/**
 * The answer of {@code account_sign_out}.
 *
 * @param tokensRemoved       true when the account's tokens were forgotten (never in demo mode)
 * @param cacheEntriesRemoved the account's cached results removed from both cache tiers
 */
public record SignOutAnswer(String accountId, boolean tokensRemoved, int cacheEntriesRemoved, String message) {}
