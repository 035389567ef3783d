package org.m365mcp.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway TLS key pair for the in-process sandbox's HTTPS, made by the JDK's {@code keytool}
 * once per test JVM: no private key is ever committed.
 *
 * <ul>
 *   <li>The certificate is for {@code 127.0.0.1} and {@code localhost} (subject alternative names),
 *       valid two days; the key store lives in a temp directory only while it is read.
 *   <li>{@link #serverContext()} holds the key; {@link #clientContext()} trusts this certificate and
 *       nothing else.
 *   <li>Immutable once made; the one instance is built on first use (holder idiom).
 * </ul>
 */
final class SandboxCertificate {

    private static final String ALIAS = "sandbox";

    private final SSLContext serverContext;
    private final SSLContext clientContext;
    private final Certificate certificate;

    private static final class Holder {
        static final SandboxCertificate INSTANCE = generate();
    }

    private SandboxCertificate(SSLContext serverContext, SSLContext clientContext, Certificate certificate) {
        this.serverContext = serverContext;
        this.clientContext = clientContext;
        this.certificate = certificate;
    }

    static SandboxCertificate get() {
        return Holder.INSTANCE;
    }

    SSLContext serverContext() {
        return serverContext;
    }

    SSLContext clientContext() {
        return clientContext;
    }

    /** Writes a PKCS12 trust store holding just this certificate (no private key) to {@code file}. */
    void writeTrustStore(Path file, char[] password) throws IOException {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(ALIAS, certificate);
            try (OutputStream out = Files.newOutputStream(file)) {
                trusted.store(out, password);
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("Could not write the trust store " + file, e);
        }
    }

    private static SandboxCertificate generate() {
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        char[] password = Base64.getUrlEncoder().encodeToString(secret).toCharArray();
        try {
            KeyStore keys = keytool(password);
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, password);
            SSLContext server = SSLContext.getInstance("TLS");
            server.init(keyManagers.getKeyManagers(), null, null);

            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            Certificate certificate = keys.getCertificate(ALIAS);
            trusted.setCertificateEntry(ALIAS, certificate);
            TrustManagerFactory trustManagers =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trusted);
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, trustManagers.getTrustManagers(), null);
            return new SandboxCertificate(server, client, certificate);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not set up the sandbox's TLS", e);
        }
    }

    /** Runs {@code keytool -genkeypair} into a temp directory and reads the key store back. */
    private static KeyStore keytool(char[] password) throws GeneralSecurityException {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sandbox-tls");
            Path store = dir.resolve("sandbox.p12");
            boolean windows = System.getProperty("os.name", "").startsWith("Windows");
            Path keytool = Path.of(System.getProperty("java.home"), "bin", windows ? "keytool.exe" : "keytool");
            Process process = new ProcessBuilder(
                            keytool.toString(),
                            "-genkeypair",
                            "-noprompt",
                            "-alias",
                            ALIAS,
                            "-keyalg",
                            "RSA",
                            "-keysize",
                            "2048",
                            "-validity",
                            "2",
                            "-dname",
                            "CN=127.0.0.1, O=m365-mcp sandbox tests",
                            "-ext",
                            "SAN=ip:127.0.0.1,dns:localhost",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            store.toString(),
                            "-storepass",
                            new String(password),
                            "-keypass",
                            new String(password))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password);
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            dir.toFile().deleteOnExit();
        }
    }
}
