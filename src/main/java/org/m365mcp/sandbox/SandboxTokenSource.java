package org.m365mcp.sandbox;

import java.util.Map;
import org.m365mcp.graph.AccessTokenSource;
import org.m365mcp.graph.GraphException;

/**
 * Hands out the sandbox tenant's bearer tokens, for demo mode and tests.
 *
 * <ul>
 *   <li>Only the demo accounts ({@link SandboxTenant#DEMO_ACCOUNT_ID}, {@link SandboxTenant#DEMO2_ACCOUNT_ID})
 *       have a token; any other account gets Graph's 401 {@code InvalidAuthenticationToken}, as a
 *       signed-out account would.
 *   <li>Stateless and thread-safe.
 * </ul>
 */
public final class SandboxTokenSource implements AccessTokenSource {

    private static final Map<String, String> TOKENS = Map.of(
            SandboxTenant.DEMO_ACCOUNT_ID, SandboxTenant.DEMO_TOKEN,
            SandboxTenant.DEMO2_ACCOUNT_ID, SandboxTenant.DEMO2_TOKEN);

    @Override
    public String accessToken(String accountId) {
        String token = TOKENS.get(accountId);
        if (token != null) {
            return token;
        }
        throw new GraphException(
                401,
                "InvalidAuthenticationToken",
                "No sandbox account '" + accountId + "'; the sandbox knows '" + SandboxTenant.DEMO_ACCOUNT_ID
                        + "' and '" + SandboxTenant.DEMO2_ACCOUNT_ID + "'.");
    }
}
