package org.m365mcp.batch.cleanup;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.Map;
import org.m365mcp.background.StoreMaintenance;
import org.m365mcp.cache.store.CacheStore;
import org.m365mcp.cache.store.Removal;

/**
 * Removes every entry past its stale time by more than stale-if-error may serve it from the store, and
 * the same keys from the heap tier.
 */
@Named
@Dependent
public class ExpiredEntriesBatchlet extends CleanupBatchlet {

    @Inject
    StoreMaintenance maintenance;

    @Override
    Map<String, Object> clean(CacheStore store) {
        Removal expired = maintenance.removeExpired(store);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("EXPIRED", expired.count());
        counts.put("EXPIRED_BYTES", expired.storedBytes());
        return counts;
    }
}
