package org.m365mcp.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.Optional;

/**
 * Hands a tool's answer, already rendered as JSON, from a layer that holds it rendered (a cache hit)
 * to the MCP layer, which would otherwise render the method's return value again.
 *
 * <ul>
 *   <li>Per thread: the MCP layer {@link #open opens} a hand-off for the one method it is about to
 *       invoke on this thread and closes it after. Only an invocation of that very method may
 *       {@link #offer} an answer, and only once; a method the tool calls inside is not awaited and
 *       returns its value as usual.</li>
 *   <li>A method whose answer was taken returns null: the MCP layer serves the offered answer.</li>
 *   <li>Thread-safe: each thread sees only its own hand-off.</li>
 * </ul>
 */
@ApplicationScoped
public class AnswerHandOff {

    private final ThreadLocal<Open> current = new ThreadLocal<>();

    /** Opens the hand-off for a call of {@code method} on this thread; close it when the call returns. */
    public Open open(Method method) {
        Open opened = new Open(Objects.requireNonNull(method, "method"), current.get());
        current.set(opened);
        return opened;
    }

    /** Whether a call of {@code method} on this thread may hand its answer over now. */
    public boolean awaits(Method method) {
        Open open = current.get();
        return open != null && open.answer == null && open.method.equals(method);
    }

    /**
     * Hands {@code json}, the whole answer of a call of {@code method}, to the MCP layer; false (and
     * nothing handed) when no hand-off awaits that method on this thread.
     */
    public boolean offer(Method method, String json) {
        Objects.requireNonNull(json, "json");
        if (!awaits(method)) {
            return false;
        }
        current.get().answer = json;
        return true;
    }

    /** One open hand-off; not shared between threads. */
    public final class Open implements AutoCloseable {

        private final Method method;
        private final Open outer;
        private String answer;

        private Open(Method method, Open outer) {
            this.method = method;
            this.outer = outer;
        }

        /** The answer the call handed over, if it did. */
        public Optional<String> answer() {
            return Optional.ofNullable(answer);
        }

        @Override
        public void close() {
            if (outer == null) {
                current.remove();
            } else {
                current.set(outer);
            }
        }
    }
}
