package org.m365mcp.mcp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A call's progress whose client cancels it after its work has checked {@code checks} times: the next
 * {@link #stopIfCancelled()} (or report) throws, as {@link RunningCall}'s would. Records what it was told.
 * Thread-safe.
 */
public final class CancelledAfter implements ToolProgress {

    private final int checks;
    private final AtomicInteger checked = new AtomicInteger();
    private final List<String> told = new CopyOnWriteArrayList<>();

    private CancelledAfter(int checks) {
        this.checks = checks;
    }

    /** Cancelled once {@code checks} checks have passed. */
    public static CancelledAfter checks(int checks) {
        return new CancelledAfter(checks);
    }

    @Override
    public void stopIfCancelled() {
        if (checked.incrementAndGet() > checks) {
            throw new CallCancelledException();
        }
    }

    @Override
    public void report(long done, Long total, String message) {
        if (checked.get() >= checks) {
            throw new CallCancelledException();
        }
        told.add(message);
    }

    /** How many times the work checked, the one that threw included. */
    public int checked() {
        return checked.get();
    }

    public List<String> told() {
        return told;
    }
}
