package org.m365mcp.sync.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The {@code clientState} secrets: a fresh random one per subscription, and the check of the one a
 * notification presents.
 *
 * <ul>
 *   <li>256 random bits from {@link SecureRandom}, base64url: 43 characters (Graph takes up to 128).
 *   <li>Compared in constant time; a missing value never matches.
 *   <li>Thread-safe.
 * </ul>
 */
final class ClientStates {

    private static final int BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    /** A new secret for one subscription. */
    String next() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True when {@code presented} is exactly {@code expected}. */
    static boolean matches(String expected, String presented) {
        if (expected == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
