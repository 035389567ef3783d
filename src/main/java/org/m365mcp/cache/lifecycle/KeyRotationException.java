package org.m365mcp.cache.lifecycle;

import java.util.Objects;

/**
 * Why the cache key was not rotated. The message is meant for the operator; it never contains a key.
 */
public class KeyRotationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kinds of refusal and failure, so an HTTP boundary can pick its status. */
    public enum Reason {
        /** No encrypted store is open (the server runs on the in-memory tier only). */
        NOT_OPEN,
        /** The key comes from {@code M365_MCP_CACHE_KEY}: the operator must supply the new one. */
        NEEDS_SUPPLIED_KEY,
        /** A key was supplied where none may be, or it is too short, or it is the current one. */
        KEY_NOT_ACCEPTED,
        /** The key is temporary (no keyring, no variable): there is nothing to rotate. */
        TEMPORARY_KEY,
        /** The rotation was attempted and failed; the store keeps its current key. */
        FAILED
    }

    private final Reason reason;

    public KeyRotationException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Which kind of refusal or failure this is. */
    public Reason reason() {
        return reason;
    }
}
