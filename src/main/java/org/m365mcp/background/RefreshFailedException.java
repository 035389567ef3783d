package org.m365mcp.background;

/** A refresh that did not store a new result; its message names the operation, never a key or token. */
public class RefreshFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RefreshFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
