package org.m365mcp.graph.auth;

import com.microsoft.aad.msal4j.MsalException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** MSAL4J's failures as words for a message: its error code and the sign-in service's description. Stateless. */
final class MsalFailures {

    private static final Logger LOG = Logger.getLogger(MsalFailures.class.getName());

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

    /**
     * MSAL's error code and the sign-in service's description: no tokens, no request bodies. Any other
     * failure (a fault inside the library, a broken connection) is not described by its class or message,
     * which name code, not what happened: it is logged, and the words say where to look.
     */
    static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof MsalException msal) {
            return (msal.errorCode() == null ? "" : msal.errorCode() + ": ") + msal.getMessage();
        }
        LOG.log(Level.WARNING, "A sign-in failed outside the sign-in service's answers", cause);
        return "an unexpected error in the sign-in library (the server log has it); try again";
    }
}
