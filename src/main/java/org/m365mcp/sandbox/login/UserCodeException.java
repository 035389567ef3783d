package org.m365mcp.sandbox.login;

/**
 * A user code the device page cannot act on: unknown, expired or already decided. The message is
 * written for the person at the page.
 */
public final class UserCodeException extends RuntimeException {

    UserCodeException(String message) {
        super(message);
    }
}
