package org.m365mcp.sandbox.login;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.m365mcp.sandbox.login.PendingSignIn.Status;

/**
 * The device codes handed out and not yet redeemed, by device code and by user code.
 *
 * <ul>
 *   <li>Thread-safe: each change is one atomic step on the device-code map; a sign-in is redeemed
 *       only if it is still the same object, so two polls can never both get tokens for it.
 *   <li>A user code is matched ignoring case, spaces and dashes, as people type it.
 *   <li>Time comes from the caller; nothing here reads a clock.
 * </ul>
 */
final class DeviceCodes {

    private final Map<String, PendingSignIn> byDeviceCode = new ConcurrentHashMap<>();
    private final Map<String, String> deviceCodeByUserCode = new ConcurrentHashMap<>();

    /** Adds a new sign-in; false (and nothing added) when its user code is already taken. */
    boolean add(PendingSignIn signIn) {
        if (deviceCodeByUserCode.putIfAbsent(signIn.userCode(), signIn.deviceCode()) != null) {
            return false;
        }
        byDeviceCode.put(signIn.deviceCode(), signIn);
        return true;
    }

    /**
     * Approves ({@code user} non-null) or declines the sign-in of a user code.
     *
     * @throws UserCodeException the code is unknown, expired or already approved or declined
     */
    PendingSignIn decide(String userCode, SignedInUser user, Instant now) {
        String deviceCode = deviceCodeByUserCode.get(normalize(userCode));
        if (deviceCode == null) {
            throw new UserCodeException("The code '" + userCode + "' is not known. Check the code and try again.");
        }
        return byDeviceCode.compute(deviceCode, (code, signIn) -> {
            if (signIn == null) {
                throw new UserCodeException("The code '" + userCode + "' has already been used.");
            } else if (signIn.isExpired(now)) {
                throw new UserCodeException("The code '" + userCode + "' has expired. Start the sign-in again on "
                        + "your device to get a new code.");
            } else if (signIn.status() != Status.PENDING) {
                throw new UserCodeException("The code '" + userCode + "' has already been used.");
            }
            return user == null ? signIn.declined() : signIn.approvedBy(user);
        });
    }

    /**
     * Redeems a device code for {@code clientId}: the approved sign-in, which is forgotten.
     *
     * @throws LoginException {@code authorization_pending}, {@code authorization_declined},
     *         {@code expired_token}, or {@code invalid_grant} for an unknown, redeemed or foreign code
     */
    PendingSignIn redeem(String deviceCode, String clientId, Instant now) {
        PendingSignIn signIn = byDeviceCode.get(deviceCode);
        if (signIn == null) {
            throw LoginException.invalidGrant("The device code is unknown or has already been redeemed.");
        } else if (!signIn.clientId().equals(clientId)) {
            throw LoginException.invalidGrant("The device code was issued to another client.");
        } else if (signIn.isExpired(now)) {
            throw LoginException.expiredToken();
        }
        switch (signIn.status()) {
            case PENDING -> throw LoginException.authorizationPending();
            case DECLINED -> throw LoginException.authorizationDeclined();
            default -> {
                if (!byDeviceCode.remove(deviceCode, signIn)) {
                    throw LoginException.invalidGrant("The device code has already been redeemed.");
                }
                deviceCodeByUserCode.remove(signIn.userCode(), deviceCode);
                return signIn;
            }
        }
    }

    /** Forgets the sign-ins that expired before {@code cutoff}; a concurrently changed one survives. */
    void forgetExpiredBefore(Instant cutoff) {
        byDeviceCode.forEach((deviceCode, signIn) -> {
            if (signIn.expiresAt().isBefore(cutoff) && byDeviceCode.remove(deviceCode, signIn)) {
                deviceCodeByUserCode.remove(signIn.userCode(), deviceCode);
            }
        });
    }

    void clear() {
        byDeviceCode.clear();
        deviceCodeByUserCode.clear();
    }

    static String normalize(String userCode) {
        return userCode == null ? "" : userCode.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
