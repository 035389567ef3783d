package org.m365mcp.batch.warming;

/**
 * One warming call failed; the job's skip policy skips the item and carries on with the next.
 *
 * <ul>
 *   <li>The message is what a tool error would say (never a token, nor a cache key).</li>
 * </ul>
 */
public class WarmingFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String why;

    public WarmingFailedException(WarmingItem item, String why) {
        super(item.entry().operation() + " for " + item.accountId() + ": " + why);
        this.why = why;
    }

    /** Why the call failed, without the item the message names. */
    public String why() {
        return why;
    }
}
