package org.m365mcp.cache.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.m365mcp.cache.store.SizeLimits;
import org.m365mcp.cache.store.StoreSettings;

class StoreLimitsConfigTest {

    private static final Path FILE = Path.of("/tmp/cache.db");

    @Test
    void defaults_areTheSpecDefaults() {
        assertThat(new StoreLimitsConfig().settingsFor(FILE)).isEqualTo(StoreSettings.defaults(FILE));
    }

    @Test
    void overrides_reachTheStoreSettings() {
        StoreLimitsConfig config = new StoreLimitsConfig();
        config.softLimit = "512MB";
        config.cleanupThresholdPercent = 90;
        config.cleanupTargetPercent = 50;
        config.maxEntriesPerAccount = 500;
        config.coldAfter = "15m";
        config.maxEntrySize = "1MB";
        config.compressionThreshold = "8KB";
        config.compressionLevel = 9;

        StoreSettings settings = config.settingsFor(FILE);

        assertThat(settings.limits()).isEqualTo(new SizeLimits(512L << 20, 90, 50, 500, Duration.ofMinutes(15)));
        assertThat(settings.maxEntryBytes()).isEqualTo(1L << 20);
        assertThat(settings.compressionThresholdBytes()).isEqualTo(8 << 10);
        assertThat(settings.compressionLevel()).isEqualTo(9);
    }

    @Test
    void aValueThatIsNotASize_namesItsProperty() {
        StoreLimitsConfig config = new StoreLimitsConfig();
        config.softLimit = "two gigs";

        assertThatThrownBy(() -> config.settingsFor(FILE)).hasMessageContaining("m365.mcp.cache.soft-limit");
    }
}
