package org.m365mcp.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The certificates trusted when talking to Microsoft Graph and the sign-in service, when they
 * are not the JVM's: {@code m365.mcp.tls.trust-store} names a PKCS12 trust store (e.g. a
 * company's TLS-inspecting proxy CA, or the sandbox's test certificate) that replaces the JVM's
 * default trust for these two connections only.
 */
@ApplicationScoped
public class TlsTrust {

    @Inject
    @ConfigProperty(name = "m365.mcp.tls.trust-store")
    Optional<String> trustStore;

    @Inject
    @ConfigProperty(name = "m365.mcp.tls.trust-store-password")
    Optional<String> password;

    private Optional<SSLContext> context;

    /** The TLS context trusting the configured store; empty to use the JVM's default trust. */
    public synchronized Optional<SSLContext> sslContext() {
        if (context == null) {
            context = trustStore
                    .filter(path -> !path.isBlank())
                    .map(path -> load(Path.of(path), password.orElse("").toCharArray()));
        }
        return context;
    }

    /** A TLS context trusting exactly the certificates in the PKCS12 store at {@code file}. */
    static SSLContext load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot read the trust store m365.mcp.tls.trust-store=" + file + ": " + e.getMessage(), e);
        }
    }
}
