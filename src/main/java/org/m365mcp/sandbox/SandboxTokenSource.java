package org.m365mcp.sandbox;

import org.m365mcp.graph.AccessTokenSource;
import org.m365mcp.graph.GraphException;

/**
 * Hands out the sandbox tenant's bearer token, for demo mode and tests.
 *
 * <ul>
 *   <li>Only {@link SandboxTenant#DEMO_ACCOUNT_ID} has a token; any other account gets Graph's 401
 *       {@code InvalidAuthenticationToken}, as a signed-out account would.
 *   <li>Stateless and thread-safe.
 * </ul>
 */
public final class SandboxTokenSource implements AccessTokenSource {

    @Override
    public String accessToken(String accountId) {
        if (SandboxTenant.DEMO_ACCOUNT_ID.equals(accountId)) {
            return SandboxTenant.DEMO_TOKEN;
        }
        throw new GraphException(401, "InvalidAuthenticationToken",
                "No sandbox account '" + accountId + "'; the sandbox knows only '"
                        + SandboxTenant.DEMO_ACCOUNT_ID + "'.");
    }
}
