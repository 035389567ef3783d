package org.m365mcp.graph.auth;

import com.microsoft.aad.msal4j.MsalException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** MSAL4J's failures as words for a message: its error code and the sign-in service's description. Stateless. */
final class MsalFailures {

    private MsalFailures() {}

    /** The failure inside MSAL's {@link CompletionException} / {@link ExecutionException} wrappers. */
    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** MSAL's error code and the sign-in service's description: no tokens, no request bodies. */
    static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof MsalException msal) {
            return (msal.errorCode() == null ? "" : msal.errorCode() + ": ") + msal.getMessage();
        }
        return cause == null
                ? "unknown error"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
