package org.m365mcp.background;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.m365mcp.cache.annotation.BackgroundRefresh;
import org.m365mcp.cache.annotation.StaleRefresh;
import org.m365mcp.cache.entries.AccountRemoved;
import org.m365mcp.cache.lifecycle.EncryptedStore;
import org.m365mcp.cache.store.NewTask;

/**
 * Refreshes stale entries on the server's {@link ManagedExecutorService} (SPEC §2, §5).
 *
 * <ul>
 *   <li>One refresh per key in flight, at most {@code m365.mcp.refresh.max-queued} waiting; more are
 *       dropped and counted ({@link RefreshCoalescer}). The caller never waits; a read that finds no
 *       entry while its key's refresh is in flight may, up to {@code m365.mcp.refresh.join-wait}
 *       ({@link #awaitInFlight}).</li>
 *   <li>A refresh that fails leaves the stale entry in place and becomes a {@code refresh} task in
 *       the store's queue, which the {@link TaskWorker} retries with backoff. While that task is
 *       pending, stale hits of its key start no other refresh ({@link RetryingKeys}; an account's
 *       keys are let go when it signs out, since its tasks are deleted then).</li>
 *   <li>Before refetching, the {@link Revalidation} asks whether Graph changed at all (one delta
 *       request or one conditional GET); when not, the entry is made fresh again as it is.</li>
 *   <li>Without a store (memory only) a failed refresh is logged; the next stale hit tries again.</li>
 * </ul>
 */
@ApplicationScoped
public class RefreshScheduler implements BackgroundRefresh {

    /** The task type of a failed refresh, for the worker to retry. */
    public static final String TASK_TYPE = "refresh";

    private static final Logger LOG = Logger.getLogger(RefreshScheduler.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    BackgroundSettings settings;

    @Inject
    OperationInvoker invoker;

    @Inject
    EncryptedStore encryptedStore;

    @Inject
    TaskWorker worker;

    @Inject
    Revalidation revalidation;

    private RefreshCoalescer coalescer;
    private final RetryingKeys retrying = new RetryingKeys();

    @PostConstruct
    void start() {
        coalescer = new RefreshCoalescer(executor, settings.refreshMaxQueued());
    }

    @Override
    public boolean schedule(StaleRefresh refresh) {
        if (retrying.contains(refresh.cacheKey())) {
            return false;
        }
        String arguments;
        try {
            arguments = invoker.argumentsJson(refresh.arguments());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A stale " + refresh.operation() + " entry cannot be refreshed", e);
            return false;
        }
        return coalescer.submit(
                        refresh.cacheKey(),
                        () -> {
                            if (!revalidation.renewed(refresh)) {
                                invoker.refresh(refresh.operation(), arguments);
                            }
                        },
                        failure -> retryLater(refresh, arguments, failure))
                == RefreshCoalescer.Outcome.SCHEDULED;
    }

    @Override
    public boolean awaitInFlight(String cacheKey) {
        return coalescer.awaitDone(cacheKey, settings.refreshJoinWait());
    }

    private void retryLater(StaleRefresh refresh, String arguments, RuntimeException failure) {
        boolean queued = encryptedStore
                .store()
                .map(live -> live.apply(store -> store.tasks()
                        .enqueue(new NewTask(
                                refresh.accountId(),
                                TASK_TYPE,
                                refresh.operation(),
                                arguments,
                                refresh.cacheKey(),
                                settings.refreshTaskPriority(),
                                NewTask.DEFAULT_MAX_RETRIES))))
                .isPresent();
        LOG.warning(() -> "Background refresh of " + refresh.operation() + " failed (" + failure.getMessage()
                + "); the stale entry stays" + (queued ? " and a refresh task will retry it" : ""));
        if (queued) {
            retrying.add(refresh.cacheKey(), refresh.accountId());
            worker.wake();
        }
    }

    /** The refresh task of {@code cacheKey} is done for good: stale hits may refresh it again. */
    void retrySettled(String cacheKey) {
        if (cacheKey != null) {
            retrying.settled(cacheKey);
        }
    }

    /** The account's tasks went with its cache: none of its keys waits for a retry any more. */
    void accountRemoved(@Observes AccountRemoved removed) {
        retrying.accountRemoved(removed.accountId());
    }

    /** Stale entries made fresh again without a refetch, because Graph was found unchanged. */
    public long revalidated() {
        return revalidation.count();
    }

    /** What became of the refresh requests since start-up. */
    public RefreshCounts counts() {
        return coalescer.counts();
    }
}
