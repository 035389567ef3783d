package org.m365mcp.sandbox.login;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One device code waiting for (or decided by) its user: immutable, replaced on every change.
 *
 * @param user who approved it; null unless {@code status} is {@link Status#APPROVED}
 */
record PendingSignIn(
        String deviceCode,
        String userCode,
        String clientId,
        List<String> scopes,
        Instant expiresAt,
        Status status,
        SignedInUser user) {

    enum Status {
        PENDING,
        APPROVED,
        DECLINED
    }

    PendingSignIn {
        Objects.requireNonNull(deviceCode, "deviceCode");
        Objects.requireNonNull(userCode, "userCode");
        Objects.requireNonNull(clientId, "clientId");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(status, "status");
        if ((status == Status.APPROVED) != (user != null)) {
            throw new IllegalArgumentException("exactly an approved sign-in has a user");
        }
    }

    static PendingSignIn pending(
            String deviceCode, String userCode, String clientId, List<String> scopes, Instant expiresAt) {
        return new PendingSignIn(deviceCode, userCode, clientId, scopes, expiresAt, Status.PENDING, null);
    }

    /** Expired from {@code expiresAt} on. */
    boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    PendingSignIn approvedBy(SignedInUser signedIn) {
        return new PendingSignIn(
                deviceCode,
                userCode,
                clientId,
                scopes,
                expiresAt,
                Status.APPROVED,
                Objects.requireNonNull(signedIn, "signedIn"));
    }

    PendingSignIn declined() {
        return new PendingSignIn(deviceCode, userCode, clientId, scopes, expiresAt, Status.DECLINED, null);
    }
}
