package org.m365mcp.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The files the running tool call saved, by thread: {@link ResourceLinking} collects around each MCP
 * call, the download folder tells it each file it saves with {@link #saved}. Outside a call (warming, a
 * test) a saved file is told no one.
 *
 * <ul>
 *   <li>A file saved on another thread than the call's is not seen; every tool saves on its own.</li>
 * </ul>
 */
@ApplicationScoped
public class CallFiles {

    private final ThreadLocal<List<SavedFile>> current = new ThreadLocal<>();

    /** Tells the call running on this thread, if any, that it saved {@code file}. */
    public void saved(SavedFile file) {
        List<SavedFile> files = current.get();
        if (files != null) {
            files.add(file);
        }
    }

    /** Runs {@code call}; its value and the files saved on this thread while it ran. */
    <T> Collected<T> collecting(Supplier<T> call) {
        List<SavedFile> before = current.get();
        List<SavedFile> files = new ArrayList<>();
        current.set(files);
        try {
            return new Collected<>(call.get(), List.copyOf(files));
        } finally {
            if (before == null) {
                current.remove();
            } else {
                current.set(before);
            }
        }
    }

    /** A call's value and the files it saved. */
    record Collected<T>(T value, List<SavedFile> files) {}
}
