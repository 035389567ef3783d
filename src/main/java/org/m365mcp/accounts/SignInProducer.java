package org.m365mcp.accounts;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.m365mcp.cache.lifecycle.EncryptedStore;
import org.m365mcp.config.DurationText;
import org.m365mcp.graph.auth.AuthSettings;
import org.m365mcp.graph.auth.MsalSignIn;
import org.m365mcp.graph.auth.SignIn;
import org.m365mcp.graph.auth.TokenCacheVault;
import org.m365mcp.sandbox.SandboxSignIn;

/**
 * The server's {@link SignIn}: the sandbox tenant's demo accounts in demo mode, otherwise MSAL4J
 * against {@code m365.mcp.authority} (default {@code https://login.microsoftonline.com/<m365.mcp.tenant>/})
 * for the app registration {@code m365.mcp.client-id}, with its token cache in the encrypted store.
 *
 * <p>When the encrypted store is unavailable tokens are kept in memory only (never in a plain
 * file), and a warning says accounts must sign in again after a restart.
 */
@ApplicationScoped
class SignInProducer {

    private static final Logger LOG = Logger.getLogger(SignInProducer.class.getName());

    @Inject
    TenantMode mode;

    @Inject
    EncryptedStore encryptedStore;

    @Inject
    TlsTrust tls;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "m365.mcp.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "m365.mcp.tenant", defaultValue = "common")
    String tenant;

    @Inject
    @ConfigProperty(name = "m365.mcp.authority")
    Optional<String> authority;

    @Inject
    @ConfigProperty(name = "m365.mcp.auth.scopes")
    Optional<String> scopes; // Payara's MP Config cannot inject Optional<List<String>>

    @Inject
    @ConfigProperty(name = "m365.mcp.auth.timeout", defaultValue = "PT30S")
    String timeout;

    @Resource
    ManagedThreadFactory threads;

    private ExecutorService executor;

    @Produces
    @Singleton // a plain final class: not proxyable; thread-safe
    SignIn signIn() {
        if (mode.demo()) {
            return new SandboxSignIn();
        }
        AuthSettings settings = new AuthSettings(
                clientId.orElseThrow().trim(),
                authority
                        .filter(a -> !a.isBlank())
                        .map(URI::create)
                        .orElseGet(() -> AuthSettings.microsoftAuthority(tenant.trim())),
                scopes.map(SignInProducer::list).filter(list -> !list.isEmpty()).orElse(AuthSettings.DEFAULT_SCOPES),
                DurationText.parse("m365.mcp.auth.timeout", timeout));
        executor = Executors.newCachedThreadPool(threads);
        LOG.info(() -> "Microsoft sign-in through " + settings.authority() + " for app " + settings.clientId());
        return MsalSignIn.create(
                settings, vault(), executor, tls.sslContext().map(SSLContext::getSocketFactory), clock);
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private TokenCacheVault vault() {
        return encryptedStore
                .store()
                .<TokenCacheVault>map(EncryptedTokenCacheVault::new)
                .orElseGet(() -> {
                    LOG.warning(
                            "The encrypted store is unavailable: sign-in tokens are kept in memory only, so every account"
                                    + " must sign in again after a restart.");
                    return TokenCacheVault.memoryOnly();
                });
    }

    @PreDestroy
    void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
