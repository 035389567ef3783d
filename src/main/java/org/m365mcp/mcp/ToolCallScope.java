package org.m365mcp.mcp;

import java.util.concurrent.Callable;

/**
 * Something every MCP tool call runs inside, for the length of the call: the application's beans
 * implementing it (e.g. one deadline for all the Graph requests of a call) are found by CDI, as
 * {@link ToolErrorTranslator}s are.
 *
 * <ul>
 *   <li>{@link #around} must run {@code call} once, on the calling thread, and let its exception
 *       through unchanged.</li>
 * </ul>
 */
public interface ToolCallScope {

    Object around(Callable<Object> call) throws Exception;
}
