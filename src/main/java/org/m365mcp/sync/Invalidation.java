package org.m365mcp.sync;

import java.util.Objects;

/**
 * What one change makes stale in the cache: an operation's entries of one account, all of them, those
 * cached for one key parameter value, or one entry by its key.
 *
 * @param operation a cached operation, or a family of them ending in {@code _*} (then nothing else)
 * @param param     the key parameter (snake case), or null
 * @param value     the parameter's value; null exactly when param is
 * @param key       the key text of the one entry meant, or null
 */
public record Invalidation(String operation, String param, String value, String key) {

    public Invalidation {
        Objects.requireNonNull(operation, "operation");
        if ((param == null) != (value == null)) {
            throw new IllegalArgumentException("param and value go together");
        }
        if (param != null && key != null) {
            throw new IllegalArgumentException("a param or a key, not both");
        }
        if (operation.endsWith("_*") && (param != null || key != null)) {
            throw new IllegalArgumentException("a family of operations takes no param nor key");
        }
    }

    /** Every entry of {@code operation} (or of the family {@code operation}). */
    public static Invalidation all(String operation) {
        return new Invalidation(operation, null, null, null);
    }

    /** The entries of {@code operation} cached for {@code param} = {@code value}. */
    public static Invalidation where(String operation, String param, String value) {
        return new Invalidation(operation, Objects.requireNonNull(param), Objects.requireNonNull(value), null);
    }

    /** The one entry of {@code operation} cached under {@code key} (its whole key text). */
    public static Invalidation entry(String operation, String key) {
        return new Invalidation(operation, null, null, Objects.requireNonNull(key));
    }

    public boolean isFamily() {
        return operation.endsWith("_*");
    }
}
