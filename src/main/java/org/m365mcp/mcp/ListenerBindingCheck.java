package org.m365mcp.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.Config;

/**
 * Applies {@link BindingRules} as the application starts, to what the container tells: the HTTP listener's
 * address ({@value #CONTAINER_ADDRESS}, Payara's own config source) and whether Payara's data grid runs (its
 * instance bound in JNDI at {@value #DATA_GRID_JNDI}).
 *
 * <ul>
 *   <li>A refusal is logged (SEVERE) and fails the deployment; on Payara Micro, whose only job is this server,
 *       it also ends the process, so nothing of it keeps listening ({@code /health}, {@code /metrics}).</li>
 *   <li>A container that does not tell its listener's address gets a loud warning: the binding is unverified.</li>
 * </ul>
 */
@ApplicationScoped
class ListenerBindingCheck {

    /** The HTTP listener's address, from the config source Payara adds for every application. */
    static final String CONTAINER_ADDRESS = "payara.instance.http.address";

    static final String DATA_GRID_JNDI = "payara/Hazelcast";

    private static final Logger LOG = Logger.getLogger(ListenerBindingCheck.class.getName());

    @Inject
    Config config;

    @Inject
    McpEndpointSettings settings;

    /** Returns when the server may start; otherwise throws {@link IllegalStateException} with the reason. */
    void enforce() {
        Optional<String> listener = config.getOptionalValue(CONTAINER_ADDRESS, String.class);
        boolean allow = config.getOptionalValue(BindingRules.ALLOW_UNAUTHENTICATED, Boolean.class)
                .orElse(false);
        Optional<String> refusal = BindingRules.refusal(
                settings.host(), settings.authToken().isPresent(), allow, listener, dataGridRunning());
        if (refusal.isPresent()) {
            LOG.severe(refusal.get());
            if ("MICRO"
                    .equals(config.getOptionalValue("payara.instance.type", String.class)
                            .orElse(""))) {
                // Not on the deploying thread: the shutdown hooks stop the server, which waits for that thread.
                new Thread(() -> System.exit(1), "m365-mcp-refuses-to-start").start();
            }
            throw new IllegalStateException(refusal.get());
        }
        if (listener.isEmpty()) {
            LOG.warning("The container does not tell where its HTTP listener binds (" + CONTAINER_ADDRESS + "): make"
                    + " sure it binds only m365.mcp.host=" + settings.host()
                    + ", or other machines may reach this server.");
        } else if (allow
                && !BindingRules.isLoopback(settings.host())
                && settings.authToken().isEmpty()) {
            LOG.warning("Serving " + settings.host() + " WITHOUT a bearer token (" + BindingRules.ALLOW_UNAUTHENTICATED
                    + "=true): anyone who reaches this address can read and change the signed-in mailboxes.");
        }
    }

    private static boolean dataGridRunning() {
        try {
            return new InitialContext().lookup(DATA_GRID_JNDI) != null;
        } catch (NamingException notBound) {
            return false;
        }
    }
}
