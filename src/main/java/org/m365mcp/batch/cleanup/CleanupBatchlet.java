package org.m365mcp.batch.cleanup;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.m365mcp.cache.lifecycle.EncryptedStore;
import org.m365mcp.cache.store.CacheStore;

/**
 * One step of the cache cleanup: runs its work on the live store and reports its counts as the
 * step's exit status and into the job's {@link CleanupTally}.
 *
 * <ul>
 *   <li>Without a store (memory only) there is nothing to clean: exit status {@code NO_STORE}.</li>
 *   <li>Each step is one short store transaction (or none, for maintenance); stopping waits for it.</li>
 * </ul>
 */
abstract class CleanupBatchlet extends AbstractBatchlet {

    static final String NO_STORE = "NO_STORE";

    @Inject
    EncryptedStore encryptedStore;

    @Inject
    JobContext job;

    @Override
    public String process() {
        Optional<Map<String, Object>> counts = encryptedStore.store().map(live -> live.apply(this::clean));
        if (counts.isEmpty()) {
            return NO_STORE;
        }
        CleanupTally tally = CleanupTally.of(job);
        counts.get().forEach(tally::put);
        return counts.get().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    /** The step's work on {@code store}; its counts by name, in the order to show them. */
    abstract Map<String, Object> clean(CacheStore store);
}
