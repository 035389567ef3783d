package org.m365mcp.batch;

import jakarta.annotation.Resource;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.m365mcp.batch.warming.WarmingLedger;

/**
 * The server's two batch jobs ({@value #WARMING}, {@value #CLEANUP}) through Jakarta Batch's
 * {@link JobOperator}: start, stop, restart, and what their executions did.
 *
 * <ul>
 *   <li>Only these two job names are accepted; one execution of a job runs at a time (a second start
 *       or a restart while one runs is a {@link JobConflictException}).</li>
 *   <li>Everything is read from the runtime's job repository (Payara's jbatch, in its embedded H2
 *       database), so what is shown is what the runtime knows, never an estimate.</li>
 *   <li>Thread-safe: the operator is; starts of one job are serialised here.</li>
 *   <li>No read of the repository overlaps the creation of a run: jbatch writes a new run's job
 *       instance before its status, and {@code getJobInstances} in between fails inside the runtime
 *       (a NullPointerException, as {@code cache_warming_status} met right after start-up). Reads wait
 *       for a creation in progress, at most {@value #READ_WAIT_SECONDS} s, then give up with a
 *       {@link JobConflictException}.</li>
 * </ul>
 */
@ApplicationScoped
public class BatchJobs {

    public static final String WARMING = "cache-warming";
    public static final String CLEANUP = "cache-cleanup";
    public static final List<String> JOBS = List.of(WARMING, CLEANUP);

    /**
     * How many of a job's newest instances are searched for its executions: a restart adds an
     * execution to an older instance, so the newest execution need not be on the newest instance.
     */
    static final int RECENT_INSTANCES = 20;

    /** How long a start waits for a managed-executor thread before giving up. */
    private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(30);

    /** How long a read waits for the runtime to finish creating a run. */
    static final int READ_WAIT_SECONDS = 10;

    /** Write: the runtime is creating a run (start, restart). Read: the job repository is being read. */
    private final ReadWriteLock creating = new ReentrantReadWriteLock();

    @Inject
    WarmingLedger ledger;

    @Resource
    ManagedExecutorService executor;

    /** Starts {@code job} now; its execution id. */
    public synchronized long start(String job) {
        requireKnown(job);
        refuseWhileRunning(job);
        return offRequestThread(() -> creatingRun(() -> operator().start(job, new Properties())));
    }

    /** Asks a running execution to stop after its current item or step. */
    public void stop(long executionId) {
        requireOurs(executionId);
        try {
            operator().stop(executionId);
        } catch (JobExecutionNotRunningException e) {
            throw new JobConflictException("execution " + executionId + " is not running");
        }
    }

    /**
     * Restarts a stopped or failed execution where its checkpoint says; the new execution's id. Only
     * the latest execution of its instance can be restarted, and not while the job runs.
     */
    public synchronized long restart(long executionId) {
        ExecutionView execution = requireOurs(executionId);
        refuseWhileRunning(execution.job());
        if (!execution.restartable()) {
            throw new JobConflictException("execution " + executionId + " cannot be restarted: it is "
                    + execution.status()
                    + (execution.status().equals("STOPPED")
                                    || execution.status().equals("FAILED")
                            ? " but not the latest execution of its run"
                            : "; only a STOPPED or FAILED run restarts"));
        }
        try {
            return offRequestThread(() -> creatingRun(() -> operator().restart(executionId, new Properties())));
        } catch (JobExecutionNotMostRecentException | JobExecutionAlreadyCompleteException | JobRestartException e) {
            // Raced by another restart between the check above and the operator's.
            throw new JobConflictException("execution " + executionId + " cannot be restarted now: " + e.getMessage());
        }
    }

    /** The latest executions of {@code job} (of its {@value #RECENT_INSTANCES} newest runs at least), newest first, without steps. */
    public List<ExecutionView> executions(String job, int limit) {
        requireKnown(job);
        return reading(job, () -> executionsOf(job, limit));
    }

    private List<ExecutionView> executionsOf(String job, int limit) {
        List<ExecutionView> views = new ArrayList<>();
        for (JobInstance instance : instances(job, Math.max(limit, RECENT_INSTANCES))) {
            List<JobExecution> ofInstance = operator().getJobExecutions(instance);
            long latestOfInstance = ExecutionViews.latestId(ofInstance);
            for (JobExecution execution : ofInstance) {
                views.add(ExecutionViews.of(
                        ledger, execution, instance, execution.getExecutionId() == latestOfInstance, false));
            }
        }
        views.sort(Comparator.comparingLong(ExecutionView::executionId).reversed());
        return views.subList(0, Math.min(limit, views.size()));
    }

    /** The running execution of {@code job}, else its latest, with its steps; empty when it never ran. */
    public Optional<ExecutionView> latest(String job) {
        requireKnown(job);
        return reading(job, () -> {
            Optional<ExecutionView> running = runningExecution(job).flatMap(this::executionOf);
            if (running.isPresent()) {
                return running;
            }
            return executionsOf(job, 1).stream()
                    .findFirst()
                    .map(view -> executionOf(view.executionId()).orElse(view));
        });
    }

    /** One execution of our jobs, with its steps; empty when unknown. */
    public Optional<ExecutionView> execution(long executionId) {
        return reading("execution " + executionId, () -> executionOf(executionId));
    }

    private Optional<ExecutionView> executionOf(long executionId) {
        try {
            JobExecution execution = operator().getJobExecution(executionId);
            if (!JOBS.contains(execution.getJobName())) {
                return Optional.empty();
            }
            JobInstance instance = operator().getJobInstance(executionId);
            boolean latestOfInstance = ExecutionViews.latestId(operator().getJobExecutions(instance)) == executionId;
            return Optional.of(ExecutionViews.of(ledger, execution, instance, latestOfInstance, true));
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
    }

    /** Runs {@code create} (a start or restart, on the launching thread) while no read is under way. */
    private long creatingRun(Callable<Long> create) throws Exception {
        creating.writeLock().lock();
        try {
            return create.call();
        } finally {
            creating.writeLock().unlock();
        }
    }

    /**
     * Runs {@code read} once no run is being created, waiting at most {@value #READ_WAIT_SECONDS} s.
     *
     * @throws JobConflictException when the runtime is still creating a run of {@code what} by then
     */
    private <T> T reading(String what, Supplier<T> read) {
        try {
            if (!creating.readLock().tryLock(READ_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new JobConflictException("the batch runtime is still creating a run (" + what + ") after "
                        + READ_WAIT_SECONDS + " s; ask again in a moment");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to read the job repository", e);
        }
        try {
            return read.get();
        } finally {
            creating.readLock().unlock();
        }
    }

    /**
     * Runs a start or restart on the managed executor and waits for the id: a job launched from an
     * HTTP request thread would inherit that request's CDI context, which ends with the response.
     */
    private long offRequestThread(Callable<Long> launch) {
        Future<Long> launched = executor.submit(launch);
        try {
            return launched.get(LAUNCH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting a job", e);
        } catch (TimeoutException e) {
            launched.cancel(false);
            throw new JobConflictException("the server's managed executor is busy: the job did not start within "
                    + LAUNCH_TIMEOUT.toSeconds() + " s; try again");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("The job did not start", e.getCause());
        }
    }

    /** A {@link JobConflictException} when an execution of {@code job} is running, on any of its runs. */
    private void refuseWhileRunning(String job) {
        runningExecution(job).ifPresent(running -> {
            throw new JobConflictException(job + " is already running (execution " + running + ")");
        });
    }

    /** The newest execution of {@code job} that is starting, started or stopping, from the repository. */
    private static Optional<Long> runningExecution(String job) {
        try {
            return operator().getRunningExecutions(job).stream().max(Long::compare);
        } catch (NoSuchJobException e) {
            return Optional.empty();
        }
    }

    private ExecutionView requireOurs(long executionId) {
        return execution(executionId).orElseThrow(() -> new IllegalArgumentException("no execution " + executionId));
    }

    private List<JobInstance> instances(String job, int limit) {
        try {
            return operator().getJobInstances(job, 0, limit);
        } catch (NoSuchJobException e) {
            return List.of();
        }
    }

    private static void requireKnown(String job) {
        if (!JOBS.contains(job)) {
            throw new IllegalArgumentException("no job named '" + job + "'; jobs: " + String.join(", ", JOBS));
        }
    }

    private static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
