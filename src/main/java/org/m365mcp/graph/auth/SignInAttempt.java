package org.m365mcp.graph.auth;

import java.util.Objects;

/**
 * Where a device-code sign-in stands when the caller asks.
 *
 * @param status  the outcome so far
 * @param account the account now signed in; non-null exactly when {@code status} is SIGNED_IN
 * @param message what to tell the user, never a token
 */
public record SignInAttempt(Status status, SignedInAccount account, String message) {

    /** The states of a device-code sign-in. */
    public enum Status {
        /** The user finished; tokens are cached. */
        SIGNED_IN,
        /** The user has not finished yet; ask again. */
        PENDING,
        /** The user declined on the sign-in page. */
        DECLINED,
        /** The code expired before the user finished. */
        EXPIRED,
        /** No sign-in is in progress under that code. */
        UNKNOWN,
        /** The sign-in service refused the sign-in; the message says why. */
        FAILED
    }

    public SignInAttempt {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        if ((status == Status.SIGNED_IN) != (account != null)) {
            throw new IllegalArgumentException("account is required exactly when signed in");
        }
    }
}
