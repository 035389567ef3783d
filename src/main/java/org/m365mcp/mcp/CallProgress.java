package org.m365mcp.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Callable;

/**
 * The running tool call's {@link ToolProgress}, by thread: {@link ToolRegistry} sets it around each MCP
 * call, a tool reads it with {@link #current()} on its calling thread (and hands it to the threads its
 * work fans out to). Outside a call, {@link ToolProgress#NONE}.
 */
@ApplicationScoped
public class CallProgress {

    private final ThreadLocal<ToolProgress> current = new ThreadLocal<>();

    /** The progress of the call running on this thread; {@link ToolProgress#NONE} when none asked for it. */
    public ToolProgress current() {
        ToolProgress progress = current.get();
        return progress == null ? ToolProgress.NONE : progress;
    }

    /** Runs {@code call} with {@code progress} as this thread's. */
    <T> T with(ToolProgress progress, Callable<T> call) throws Exception {
        ToolProgress before = current.get();
        current.set(progress);
        try {
            return call.call();
        } finally {
            if (before == null) {
                current.remove();
            } else {
                current.set(before);
            }
        }
    }
}
