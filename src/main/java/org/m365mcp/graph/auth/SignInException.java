package org.m365mcp.graph.auth;

/** Signing in could not start or finish; the message is fit to show to the user and holds no secret. */
public class SignInException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SignInException(String message) {
        super(message);
    }

    public SignInException(String message, Throwable cause) {
        super(message, cause);
    }
}
