package org.m365mcp.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;

/**
 * Deterministic opaque ids that look like Graph's: the same inputs give the same id on every run.
 *
 * <ul>
 *   <li>Messages {@code AAMkAG…AAA=}, folders {@code AQMkAG…AAAA}, conversations {@code AAQkAG…=},
 *       all base64url characters, safe in a URL path.
 *   <li>Stateless and thread-safe.
 * </ul>
 */
final class SandboxIds {

    private SandboxIds() {
    }

    static String message(String accountId, String key) {
        return "AAMkAG" + hash("message|" + accountId + "|" + key, 48) + "AAA=";
    }

    static String folder(String accountId, String key) {
        return "AQMkAG" + hash("folder|" + accountId + "|" + key, 30) + "AAAA";
    }

    static String conversation(String accountId, String key) {
        return "AAQkAG" + hash("conversation|" + accountId + "|" + key, 36) + "=";
    }

    /** A GUID derived from {@code key}, for user object ids. */
    static String guid(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String hash(String input, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            byte[] doubled = new byte[digest.length * 2];
            System.arraycopy(digest, 0, doubled, 0, digest.length);
            System.arraycopy(MessageDigest.getInstance("SHA-256").digest(digest), 0, doubled, digest.length,
                    digest.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(doubled).substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
