package org.m365mcp.cache.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.m365mcp.cache.store.SizeLimits;
import org.m365mcp.cache.store.StoreSettings;
import org.m365mcp.config.ByteSizeText;
import org.m365mcp.config.DurationText;

/**
 * The store's limits and compression from MicroProfile Config (SPEC §3: all overridable), with the
 * SPEC defaults in {@code META-INF/microprofile-config.properties}.
 *
 * <p>The fields start at the SPEC defaults, so an instance made without CDI (a test) has them.
 * A value that is not a size, a duration or a valid combination fails the store's opening with a
 * message naming the property; the server then runs on its heap tier and says so.
 */
@ApplicationScoped
public class StoreLimitsConfig {

    static final String PREFIX = "m365.mcp.cache.";

    @Inject
    @ConfigProperty(name = PREFIX + "max-entry-size")
    String maxEntrySize = "10MB";

    @Inject
    @ConfigProperty(name = PREFIX + "compression-threshold")
    String compressionThreshold = "50KB";

    @Inject
    @ConfigProperty(name = PREFIX + "compression-level")
    int compressionLevel = 6;

    @Inject
    @ConfigProperty(name = PREFIX + "soft-limit")
    String softLimit = "2GB";

    @Inject
    @ConfigProperty(name = PREFIX + "cleanup-threshold-percent")
    int cleanupThresholdPercent = 80;

    @Inject
    @ConfigProperty(name = PREFIX + "cleanup-target-percent")
    int cleanupTargetPercent = 60;

    @Inject
    @ConfigProperty(name = PREFIX + "max-entries-per-account")
    int maxEntriesPerAccount = 10000;

    @Inject
    @ConfigProperty(name = PREFIX + "cold-after")
    String coldAfter = "1h";

    @Inject
    @ConfigProperty(name = PREFIX + "quick-check-budget")
    String quickCheckBudget = "20s";

    /** The settings of a store in {@code file}. */
    public StoreSettings settingsFor(Path file) {
        StoreSettings defaults = StoreSettings.defaults(file);
        long maxEntryBytes = ByteSizeText.parse(PREFIX + "max-entry-size", maxEntrySize);
        long threshold = ByteSizeText.parse(PREFIX + "compression-threshold", compressionThreshold);
        if (threshold > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Configuration " + PREFIX + "compression-threshold is too large");
        }
        SizeLimits limits = new SizeLimits(
                ByteSizeText.parse(PREFIX + "soft-limit", softLimit),
                cleanupThresholdPercent,
                cleanupTargetPercent,
                maxEntriesPerAccount,
                DurationText.parse(PREFIX + "cold-after", coldAfter));
        return new StoreSettings(
                file,
                (int) threshold,
                compressionLevel,
                maxEntryBytes,
                limits,
                defaults.retryBackoff(),
                defaults.busyTimeout(),
                DurationText.parse(PREFIX + "quick-check-budget", quickCheckBudget));
    }
}
