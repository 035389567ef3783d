package org.m365mcp.cache.annotation;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Refreshes stale entries in the background on the server's {@link ManagedExecutorService}.
 *
 * <ul>
 *   <li>At most one refresh per key is in flight; further requests for that key coalesce into it.</li>
 *   <li>Never blocks the caller: a refused submission is dropped and counted.</li>
 *   <li>A failed refresh is logged and leaves the stale entry in place.</li>
 * </ul>
 */
@ApplicationScoped
public class StaleRefresher {

    private static final Logger LOG = Logger.getLogger(StaleRefresher.class.getName());

    @Resource
    ManagedExecutorService executor;

    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final LongAdder dropped = new LongAdder();

    /** Schedules {@code refresh} for {@code key} unless one is already running; true if scheduled. */
    public boolean refresh(String key, Runnable refresh) {
        if (!inFlight.add(key)) {
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    refresh.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Background refresh of " + operationOf(key)
                            + " failed; the stale entry stays", e);
                } finally {
                    inFlight.remove(key);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            inFlight.remove(key);
            dropped.increment();
            return false;
        }
    }

    public long droppedRefreshes() {
        return dropped.sum();
    }

    private static String operationOf(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(0, colon);
    }
}
