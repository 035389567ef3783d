package org.m365mcp.tools;

import java.util.function.Supplier;
import org.m365mcp.graph.GraphException;
import org.m365mcp.mcp.ToolArgumentException;

/**
 * Graph's 404 for something a tool argument addressed, worded as a tool error naming that argument
 * ("no event with id 'AAMk…'"). Other {@link GraphException}s pass through to
 * {@code GraphErrorTranslator}. Stateless.
 */
public final class NotFound {

    private NotFound() {}

    /**
     * {@code call}'s answer; Graph's 404 becomes a tool error naming {@code argument}, "{@code problem} '{@code id}'".
     * A null {@code id} (the call addresses nothing by id, such as the default folder, which always
     * exists) lets the 404 through.
     */
    public static <T> T addressed(String argument, String problem, String id, Supplier<T> call) {
        try {
            return call.get();
        } catch (GraphException e) {
            if (e.isNotFound() && id != null) {
                throw new ToolArgumentException(argument, problem + " '" + id + "'");
            }
            throw e;
        }
    }

    /** {@link #addressed(String, String, String, Supplier)} for a call with no answer. */
    public static void addressed(String argument, String problem, String id, Runnable call) {
        addressed(argument, problem, id, () -> {
            call.run();
            return null;
        });
    }
}
