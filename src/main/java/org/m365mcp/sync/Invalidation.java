package org.m365mcp.sync;

import java.util.Objects;

/**
 * What one change makes stale in the cache: an operation's entries of one account, all of them, or
 * those cached for one key parameter value.
 *
 * @param operation a cached operation, or a family of them ending in {@code _*} (then no param)
 * @param param     the key parameter (snake case), or null for all the operation's entries
 * @param value     the parameter's value; null exactly when param is
 */
public record Invalidation(String operation, String param, String value) {

    public Invalidation {
        Objects.requireNonNull(operation, "operation");
        if ((param == null) != (value == null)) {
            throw new IllegalArgumentException("param and value go together");
        }
        if (operation.endsWith("_*") && param != null) {
            throw new IllegalArgumentException("a family of operations takes no param");
        }
    }

    /** Every entry of {@code operation} (or of the family {@code operation}). */
    public static Invalidation all(String operation) {
        return new Invalidation(operation, null, null);
    }

    /** The entries of {@code operation} cached for {@code param} = {@code value}. */
    public static Invalidation where(String operation, String param, String value) {
        return new Invalidation(operation, Objects.requireNonNull(param), Objects.requireNonNull(value));
    }

    public boolean isFamily() {
        return operation.endsWith("_*");
    }
}
