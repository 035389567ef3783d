package org.m365mcp.graph;

/**
 * Supplies the bearer token that authorises Graph calls for one signed-in account.
 *
 * <ul>
 *   <li>Implementations must be thread-safe: one client serves many tool calls at once.
 *   <li>Returns the raw token (without the {@code Bearer } prefix); never {@code null}.
 *   <li>Throws {@link GraphException} (status 401) when the account has no usable token, so the
 *       tool can tell the user to sign in again.
 * </ul>
 */
@FunctionalInterface
public interface AccessTokenSource {

    /** Returns a currently valid access token for {@code accountId}. */
    String accessToken(String accountId);
}
