package org.m365mcp.batch.cleanup;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.m365mcp.cache.store.CacheStore;
import org.m365mcp.cache.store.MaintenanceReport;

/**
 * {@code VACUUM} when at least {@code m365.mcp.cleanup.vacuum-min-free-percent} of the file is free
 * pages (after the removals before it), then {@code PRAGMA optimize} (ANALYZE where it helps).
 */
@Named
@Dependent
public class StoreMaintenanceBatchlet extends CleanupBatchlet {

    @Inject
    @ConfigProperty(name = "m365.mcp.cleanup.vacuum-min-free-percent", defaultValue = "20")
    int minFreePercent;

    @Override
    Map<String, Object> clean(CacheStore store) {
        MaintenanceReport report = store.upkeep().maintain(Math.max(1, Math.min(100, minFreePercent)) / 100.0);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("VACUUMED", report.vacuumed());
        counts.put("RECLAIMED_BYTES", report.reclaimedBytes());
        return counts;
    }
}
