package org.m365mcp.sandbox.login;

import java.util.List;
import java.util.Optional;

/**
 * The tenant's users as its sign-in sees them: whom the device page offers, and who approves a code.
 * The sandbox tenant provides it, so the sign-in needs nothing else of the tenant.
 */
public interface TenantUsers {

    /** Every user, in the tenant's order. */
    List<SignedInUser> users();

    /** The user addressed by account id, user GUID or address (any case), if any. */
    Optional<SignedInUser> user(String ref);
}
