package org.m365mcp.cache.key;

import com.github.javakeyring.Keyring;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The OS keyring through java-keyring (Secret Service on Linux, Keychain on macOS, Credential
 * Manager on Windows).
 *
 * <ul>
 *   <li>Never throws and never blocks longer than its timeout: every backend call runs on one
 *       private daemon thread, so a missing or locked Secret Service cannot hang the server.
 *   <li>On Linux without {@code DBUS_SESSION_BUS_ADDRESS} the keyring is reported unavailable
 *       without trying to connect.
 *   <li>Thread-safe: calls are serialised on that thread; the backend is created once, lazily.
 * </ul>
 */
public final class JavaKeyringAccess implements KeyringAccess, AutoCloseable {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(JavaKeyringAccess.class.getName());

    private final String service;
    private final String user;
    private final Function<String, String> environment;
    private final BoundedCalls calls;
    private Keyring backend; // confined to the worker thread
    private boolean backendFailed; // confined to the worker thread

    /** The production keyring entry: service {@code m365-mcp-cache}, user {@code encryption-key}. */
    public JavaKeyringAccess() {
        this(EncryptionKeyResolver.KEYRING_SERVICE, EncryptionKeyResolver.KEYRING_USER);
    }

    /** Another entry, e.g. a throwaway one for tests. */
    public JavaKeyringAccess(String service, String user) {
        this(service, user, DEFAULT_TIMEOUT, System::getenv);
    }

    JavaKeyringAccess(String service, String user, Duration timeout, Function<String, String> env) {
        this.service = Objects.requireNonNull(service, "service");
        this.user = Objects.requireNonNull(user, "user");
        this.environment = Objects.requireNonNull(env, "environment");
        this.calls = new BoundedCalls(Objects.requireNonNull(timeout, "timeout"));
    }

    /**
     * True once a backend connected. A Secret Service without an unlocked default collection still
     * counts as available but refuses writes, which {@link #write} then reports as false.
     */
    @Override
    public boolean isAvailable() {
        return calls.call("connect", () -> backend() != null, false, null);
    }

    @Override
    public Optional<String> read() {
        return calls.call(
                "read",
                () -> {
                    Keyring keyring = backend();
                    return keyring == null ? Optional.<String>empty() : readFrom(keyring);
                },
                Optional.empty(),
                null);
    }

    @Override
    public boolean write(String secret) {
        Objects.requireNonNull(secret, "secret");
        return calls.call(
                "write",
                () -> {
                    Keyring keyring = backend();
                    if (keyring == null) {
                        return false;
                    }
                    keyring.setPassword(service, user, secret);
                    return true;
                },
                false,
                secret);
    }

    /** Removes the entry; false if it was absent or the keyring failed. Meant for clean-up. */
    public boolean delete() {
        return calls.call(
                "delete",
                () -> {
                    Keyring keyring = backend();
                    if (keyring == null || readFrom(keyring).isEmpty()) {
                        return false;
                    }
                    keyring.deletePassword(service, user);
                    return true;
                },
                false,
                null);
    }

    @Override
    public void close() {
        calls.call(
                "close",
                () -> {
                    if (backend != null) {
                        backend.close();
                        backend = null;
                    }
                    return null;
                },
                null,
                null);
        calls.close();
    }

    private Optional<String> readFrom(Keyring keyring) {
        try {
            return Optional.ofNullable(keyring.getPassword(service, user));
        } catch (com.github.javakeyring.PasswordAccessException absent) {
            LOG.fine(() -> "No keyring entry for service '" + service + "': " + absent.getMessage());
            return Optional.empty();
        }
    }

    private Keyring backend() throws Exception {
        if (backend == null && !backendFailed) {
            if (isLinux() && isBlank(environment.apply("DBUS_SESSION_BUS_ADDRESS"))) {
                LOG.info("No D-Bus session (DBUS_SESSION_BUS_ADDRESS unset): no Secret Service keyring.");
                backendFailed = true;
            } else {
                try {
                    backend = Keyring.create();
                } catch (Exception | LinkageError e) {
                    backendFailed = true;
                    LOG.info(() -> "No OS keyring available: " + e);
                }
            }
        }
        return backend;
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
