package org.m365mcp.mcp;

import java.util.Objects;

/**
 * One tool call in flight, as its work sees it ({@link CallProgress#current()}): its progress, told on
 * to the client, and whether the client cancelled it.
 *
 * <ul>
 *   <li>{@link #report} checks for cancellation first: a long call stops at its next report at the latest.</li>
 *   <li>Thread-safe: {@link #cancel} comes from the thread that read the client's notification.</li>
 * </ul>
 */
final class RunningCall implements ToolProgress {

    private final ToolProgress progress;
    private volatile boolean cancelled;

    RunningCall(ToolProgress progress) {
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** From now on the call's work stops at its next check. */
    void cancel() {
        cancelled = true;
    }

    boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void stopIfCancelled() {
        if (cancelled) {
            throw new CallCancelledException();
        }
    }

    @Override
    public void report(long done, Long total, String message) {
        stopIfCancelled();
        progress.report(done, total, message);
    }
}
