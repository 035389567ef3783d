package org.m365mcp.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether this server talks to a real Microsoft 365 tenant or to the built-in sandbox tenant.
 *
 * <p>Demo mode is on exactly when no Azure client ID is configured ({@code M365_MCP_CLIENT_ID} /
 * {@code m365.mcp.client-id}); it is announced at start-up.
 */
@ApplicationScoped
public class TenantMode {

    private static final Logger LOG = Logger.getLogger(TenantMode.class.getName());

    @Inject
    @ConfigProperty(name = "m365.mcp.client-id")
    Optional<String> clientId;

    public boolean demo() {
        return clientId.filter(id -> !id.isBlank()).isEmpty();
    }

    void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (demo()) {
            LOG.warning("DEMO MODE: no Azure client ID is configured (M365_MCP_CLIENT_ID), so every tool works"
                    + " against the built-in sandbox tenant with seeded data, not a real mailbox.");
        } else {
            LOG.info("Using Microsoft Graph with the configured Azure client ID.");
        }
    }
}
