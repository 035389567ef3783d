package org.m365mcp.tools;

import org.m365mcp.mcp.ToolArgumentException;

/**
 * The explicit consent destructive tools need (SPEC §6): they act only with {@code confirm=true},
 * and otherwise answer a tool error naming the {@code confirm} argument and what would be lost.
 */
public final class Confirmation {

    private Confirmation() {}

    /**
     * Returns when {@code confirm} is true.
     *
     * @param consequence what the call would do, e.g. {@code "deletes message AAMk… for good"}
     * @throws ToolArgumentException naming {@code confirm} when it is false
     */
    public static void require(boolean confirm, String consequence) {
        if (!confirm) {
            throw new ToolArgumentException("confirm", "must be true: this " + consequence);
        }
    }
}
