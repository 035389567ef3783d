package org.m365mcp.batch.cleanup;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.Map;
import org.m365mcp.background.StoreMaintenance;
import org.m365mcp.cache.store.CacheStore;
import org.m365mcp.cache.store.CleanupReport;

/**
 * The threshold cleanup (SPEC §3): above 80 % of the soft limit, expired entries, then cold ones,
 * then the largest, down to 60 %; nothing below the threshold.
 */
@Named
@Dependent
public class SizeLimitBatchlet extends CleanupBatchlet {

    @Inject
    StoreMaintenance maintenance;

    @Override
    Map<String, Object> clean(CacheStore store) {
        CleanupReport report = store.upkeep().cleanupToTarget();
        maintenance.cleanedUp(report);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("OVER_LIMIT", report.ran());
        counts.put("EVICTED", report.removed().count());
        counts.put("BYTES_BEFORE", report.bytesBefore());
        counts.put("BYTES_AFTER", report.bytesAfter());
        return counts;
    }
}
