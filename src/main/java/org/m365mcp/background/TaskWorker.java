package org.m365mcp.background;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.m365mcp.cache.lifecycle.EncryptedStore;
import org.m365mcp.cache.store.LiveStore;
import org.m365mcp.cache.store.TaskRecord;
import org.m365mcp.cache.store.TaskStatus;

/**
 * Works through the store's task queue (SPEC §5): highest priority first, then oldest; a failure goes
 * back to the queue with backoff until its retries are spent ({@code TaskQueue}).
 *
 * <ul>
 *   <li>One task at a time, on the managed scheduled executor: polled every
 *       {@code m365.mcp.tasks.poll-interval} and woken at once by {@link #wake()}. Only the types
 *       some {@link TaskHandler} runs are claimed.</li>
 *   <li>Tasks left running by a crash are queued again once they have run longer than
 *       {@code m365.mcp.tasks.stale-after}.</li>
 *   <li>Never blocks start-up: {@code m365.mcp.tasks.start-delay} after it, a pool thread waits until
 *       the application is served ({@link ServingProbe}, at most {@code m365.mcp.tasks.serving-wait}), and
 *       only then comes the first poll: the start-up event comes before Payara routes requests to the
 *       application, and in demo mode Graph is the sandbox in this same application. Stops between two
 *       tasks on undeploy, waiting at most 10 s for the one in hand.</li>
 * </ul>
 */
@ApplicationScoped
public class TaskWorker {

    private static final Logger LOG = Logger.getLogger(TaskWorker.class.getName());
    private static final long STOP_WAIT_MILLIS = 10_000;

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    EncryptedStore encryptedStore;

    @Inject
    BackgroundSettings settings;

    @Inject
    @Any
    Instance<TaskHandler> handlers;

    @Inject
    ServingProbe serving;

    @Inject
    Clock clock;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private volatile boolean stopped;
    private volatile Instant lastPoll;
    private volatile Instant lastRequeue = Instant.EPOCH;
    private volatile ScheduledFuture<?> starting;
    private volatile ScheduledFuture<?> polling;
    private Map<String, TaskHandler> byType = Map.of();

    void start(@Observes @Initialized(ApplicationScoped.class) ServletContext application) {
        start(handlers, application.getContextPath());
    }

    /** Schedules the first poll for the handlers' task types; returns at once. */
    void start(Iterable<TaskHandler> handlers, String contextPath) {
        Map<String, TaskHandler> types = new TreeMap<>();
        handlers.forEach(handler -> types.put(handler.taskType(), handler));
        byType = Map.copyOf(types);
        Duration poll = settings.pollInterval();
        Duration servingWait = settings.servingWait();
        starting = executor.schedule(
                () -> pollOnceServed(contextPath, servingWait, poll),
                settings.startDelay().toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info(() -> "Task worker started for " + byType.keySet() + ", polling every " + poll
                + " once the application is served");
    }

    /** On a pool thread: waits until the application is served (Graph may be its sandbox), then polls. */
    private void pollOnceServed(String contextPath, Duration servingWait, Duration poll) {
        if (!serving.awaitServing(contextPath, servingWait) && !stopped) {
            LOG.warning(
                    () -> "The application did not answer within " + servingWait + "; the task worker polls anyway");
        }
        if (!stopped) {
            polling = executor.scheduleWithFixedDelay(this::drain, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Looks for due tasks now rather than at the next poll; never blocks. Ignored before the first poll. */
    public void wake() {
        if (stopped || lastPoll == null) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            LOG.log(Level.FINE, "Worker not woken; the next poll will find the task", e);
        }
    }

    /** Runs due tasks one after the other until none is due or the worker stops. */
    void drain() {
        if (stopped || !draining.compareAndSet(false, true)) {
            return;
        }
        try {
            lastPoll = clock.instant();
            Optional<LiveStore> store = encryptedStore.store();
            if (store.isEmpty()) {
                return;
            }
            requeueAbandoned(store.get());
            while (!stopped) {
                Optional<TaskRecord> task = store.get().apply(s -> s.tasks().claimNext(byType.keySet()));
                if (task.isEmpty()) {
                    break;
                }
                run(store.get(), task.get());
                lastPoll = clock.instant();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The task worker's poll failed; it tries again at the next one", e);
        } finally {
            draining.set(false);
        }
    }

    private void requeueAbandoned(LiveStore store) {
        Instant now = clock.instant();
        Duration staleAfter = settings.staleAfter();
        if (now.isBefore(lastRequeue.plus(staleAfter.dividedBy(2)))) {
            return;
        }
        lastRequeue = now;
        int requeued = store.apply(s -> s.tasks().requeueStale(staleAfter));
        if (requeued > 0) {
            LOG.info(() -> requeued + " task(s) abandoned while running (a crash or restart) are queued again");
        }
    }

    private void run(LiveStore store, TaskRecord task) {
        TaskHandler handler = byType.get(task.taskType());
        try {
            String result = handler.run(task);
            store.apply(s -> s.tasks().complete(task.taskId(), result));
            completed.increment();
            handler.settled(task);
        } catch (RuntimeException e) {
            failed.increment();
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Optional<TaskRecord> after = store.apply(s -> s.tasks().fail(task.taskId(), error));
            LOG.log(
                    Level.FINE,
                    "Task " + task.taskId() + " (" + task.taskType() + " " + task.operation() + ") failed",
                    e);
            if (after.map(t -> t.status() == TaskStatus.FAILED).orElse(true)) {
                handler.settled(task);
            }
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        ScheduledFuture<?> start = starting;
        if (start != null) {
            start.cancel(true); // ends a wait for the application to be served
        }
        ScheduledFuture<?> scheduled = polling;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        long deadline = System.currentTimeMillis() + STOP_WAIT_MILLIS;
        while (draining.get() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The worker's state now, for health and metrics. */
    public WorkerStatus status() {
        return new WorkerStatus(
                starting != null && !stopped, lastPoll, completed.sum(), failed.sum(), settings.pollInterval());
    }
}
