package org.m365mcp.mcp;

/**
 * A failure whose message is meant for the assistant: it is returned as the tool error text.
 *
 * <p>Messages must name the problem (the argument, the id, the account) and never contain secrets.
 */
public class ToolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ToolException(String message) {
        super(message);
    }

    public ToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
