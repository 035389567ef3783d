package org.m365mcp.mcp;

/**
 * How far a long tool call has come, told to the client as MCP progress notifications when its request
 * carried a {@code progressToken}; a call without one gets {@link #NONE}, which tells no one.
 *
 * <ul>
 *   <li>Safe to call from any thread the call's work runs on (a tree's folders are read concurrently).</li>
 *   <li>{@code done} only grows: a report that would not advance is left out, as MCP requires.</li>
 *   <li>It is also how the call learns it was cancelled ({@link #stopIfCancelled()}), with or without a
 *       progress token.</li>
 * </ul>
 */
public interface ToolProgress {

    ToolProgress NONE = (done, total, message) -> {};

    /**
     * @param done    units of work done so far
     * @param total   the units there are, or null when not known
     * @param message a short phrase such as "12 of 40 messages marked"
     */
    void report(long done, Long total, String message);

    /**
     * Throws {@link CallCancelledException} once the client has cancelled the call; a long call asks before
     * each unit of work (a page, a fragment, a folder, a message) so it makes no Graph request after. A
     * {@link #report} asks too.
     */
    default void stopIfCancelled() {}
}
