package org.m365mcp.cache.key;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Runs keyring calls one at a time on a private daemon thread, each within a timeout.
 *
 * <ul>
 *   <li>A call that fails, times out or is interrupted yields its fallback and a log line whose
 *       text has the given secret replaced by {@code [redacted]}.
 *   <li>A hung call keeps only the daemon thread busy; it never blocks the caller past the timeout.
 * </ul>
 */
final class BoundedCalls implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(JavaKeyringAccess.class.getName());

    private final Duration timeout;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "m365-mcp-keyring");
        thread.setDaemon(true);
        return thread;
    });

    BoundedCalls(Duration timeout) {
        this.timeout = timeout;
    }

    /** Runs {@code task}; any failure becomes {@code fallback}. {@code secret} may be null. */
    <T> T call(String what, Callable<T> task, T fallback, String secret) {
        Future<T> future;
        try {
            future = worker.submit(task);
        } catch (RuntimeException closed) {
            return fallback;
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            LOG.warning(() -> "OS keyring " + what + " timed out after " + timeout.toMillis() + " ms.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.warning(() -> "OS keyring " + what + " failed: " + redact(cause, secret));
        }
        return fallback;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    static String redact(Throwable failure, String secret) {
        String text = failure.getClass().getName() + ": " + failure.getMessage();
        return secret == null || secret.isEmpty() ? text : text.replace(secret, "[redacted]");
    }
}
