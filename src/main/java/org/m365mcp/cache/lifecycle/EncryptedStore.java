package org.m365mcp.cache.lifecycle;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.m365mcp.cache.key.CacheKey;
import org.m365mcp.cache.key.EncryptionKeyResolver;
import org.m365mcp.cache.key.JavaKeyringAccess;
import org.m365mcp.cache.key.KeyringAccess;
import org.m365mcp.cache.key.NoKeyring;
import org.m365mcp.cache.key.ResolvedKey;
import org.m365mcp.cache.store.LiveStore;
import org.m365mcp.cache.store.OpenedStore;
import org.m365mcp.cache.store.SetAside;
import org.m365mcp.cache.store.StoreOpener;
import org.m365mcp.cache.store.StoreSettings;

/**
 * The encrypted SQLCipher store of this server, opened when the application starts.
 *
 * <ul>
 *   <li>The key comes from the keyring, else {@code M365_MCP_CACHE_KEY}, else is generated (SPEC §4).</li>
 *   <li>A file the key cannot open is set aside, never destroyed ({@link StoreOpener}); so is a
 *       damaged file, found at opening or by any later read or write ({@link LiveStore}), and a
 *       fresh store takes its place. {@link #setAside()} tells the latest.</li>
 *   <li>With a key that will not survive a restart, the store is a temporary file; the configured
 *       cache file is left untouched.</li>
 *   <li>An unencrypted cache is encrypted in place, keeping a plaintext backup ({@link StoreOpener}).</li>
 *   <li>If the store cannot be opened at all, the server still runs with the heap tier only and
 *       says so; {@link #store()} is then empty.</li>
 *   <li>{@link #rotateKey} re-keys the live store ({@link KeyRotation}); rotations are serialised,
 *       and tool calls in flight never see the store closed ({@link LiveStore}).</li>
 * </ul>
 */
@ApplicationScoped
public class EncryptedStore {

    private static final Logger LOG = Logger.getLogger(EncryptedStore.class.getName());

    @Inject
    @ConfigProperty(name = "m365.mcp.cache.db-path")
    String databasePath;

    @Inject
    @ConfigProperty(name = "m365.mcp.cache.keyring", defaultValue = "true")
    boolean useKeyring;

    @Inject
    Clock clock;

    @Inject
    StoreLimitsConfig limits;

    private final SecureRandom random = new SecureRandom();
    private KeyringAccess keyring;
    private KeyRotation rotation;
    private volatile LiveStore store;
    private volatile ResolvedKey key;

    @PostConstruct
    void open() {
        open(useKeyring ? new JavaKeyringAccess() : new NoKeyring(), System::getenv);
    }

    /** Opens with this keyring and environment (tests pass fakes). */
    void open(KeyringAccess keyring, Function<String, String> environment) {
        this.keyring = keyring;
        try {
            key = new EncryptionKeyResolver(keyring, environment, random).resolve();
            Path file;
            if (key.survivesRestart()) { // the resolver has logged where the key came from
                file = Path.of(databasePath).toAbsolutePath();
            } else {
                // A key that dies with the process must not touch the real cache file: it would set
                // it aside as unreadable, though the usual key may be back at the next start.
                file = Files.createTempFile("m365-mcp-ephemeral-cache-", ".db");
                Files.delete(file);
                for (String suffix : new String[] {"", "-wal", "-shm"}) {
                    Path.of(file + suffix).toFile().deleteOnExit();
                }
                Path ephemeral = file;
                LOG.warning(() ->
                        "Until then the cache lives in " + ephemeral + " and " + databasePath + " is left untouched.");
            }
            StoreSettings settings = limits.settingsFor(file);
            OpenedStore opened = StoreOpener.open(settings, key.key(), clock);
            int version = opened.store().schemaVersion();
            store = LiveStore.of(opened);
            rotation = new KeyRotation(settings, clock, keyring, random);
            LOG.info(() -> "Encrypted cache store open at " + file + " (schema v" + version + ")");
        } catch (IOException | RuntimeException e) {
            LOG.log(
                    Level.SEVERE,
                    "The encrypted cache store could not be opened (" + e.getMessage() + "); serving"
                            + " with the in-memory tier only. Check m365.mcp.cache.db-path (" + databasePath + "), its"
                            + " directory's permissions and free disk space.",
                    e);
        }
    }

    /** Opens the store while the application starts, so the first tool call does not pay for the KDF. */
    void openAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        store();
    }

    @PreDestroy
    void close() {
        if (store != null) {
            store.close();
        }
        if (keyring instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "Closing the keyring failed", e);
            }
        }
    }

    /** The open store, or empty when it could not be opened. */
    public Optional<LiveStore> store() {
        return Optional.ofNullable(store);
    }

    /**
     * Re-encrypts the live store with a new key: generated when keys live in the OS keyring,
     * {@code supplied} when the key comes from {@code M365_MCP_CACHE_KEY} (see {@link KeyRotation}).
     *
     * @return the key now in use (never to be shown: only its source)
     * @throws KeyRotationException if refused or failed; the store then keeps its current key
     */
    public synchronized ResolvedKey rotateKey(Optional<CacheKey> supplied) {
        if (store == null || key == null) {
            throw new KeyRotationException(
                    KeyRotationException.Reason.NOT_OPEN,
                    "No encrypted cache store is"
                            + " open (the server runs on the in-memory tier only): there is no key to rotate.",
                    null);
        }
        key = rotation.rotate(store, key, supplied);
        return key;
    }

    /** The latest database file set aside (unreadable, unencrypted or damaged), at opening or since. */
    public Optional<SetAside> setAside() {
        LiveStore live = store;
        return live == null ? Optional.empty() : live.setAside();
    }

    /** Where the key came from and whether the cache survives a restart; empty if none was resolved. */
    public Optional<ResolvedKey> key() {
        return Optional.ofNullable(key);
    }
}
