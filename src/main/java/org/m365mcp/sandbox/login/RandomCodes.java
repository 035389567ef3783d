package org.m365mcp.sandbox.login;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Unguessable codes and tokens from a {@link SecureRandom}.
 *
 * <ul>
 *   <li>Secrets (tokens, device codes) are base64url without padding; user codes are 9 characters
 *       people can type, without the look-alikes 0/O, 1/I/L.
 *   <li>Thread-safe, as {@link SecureRandom} is.
 * </ul>
 */
final class RandomCodes {

    private static final String USER_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final int USER_CODE_LENGTH = 9;

    private final SecureRandom random;

    RandomCodes(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** {@code bytes} random bytes as base64url text. */
    String secret(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    String userCode() {
        StringBuilder code = new StringBuilder(USER_CODE_LENGTH);
        for (int i = 0; i < USER_CODE_LENGTH; i++) {
            code.append(USER_CODE_ALPHABET.charAt(random.nextInt(USER_CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
