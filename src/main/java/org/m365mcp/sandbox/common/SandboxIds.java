package org.m365mcp.sandbox.common;

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
 *       events {@code AAMkAGI…AAA=}, drive items {@code 01…} (OneDrive's 34-character ids), all
 *       base64url or upper-case base32 characters, safe in a URL path.
 *   <li>Stateless and thread-safe.
 * </ul>
 */
public final class SandboxIds {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private SandboxIds() {}

    public static String message(String accountId, String key) {
        return "AAMkAG" + hash("message|" + accountId + "|" + key, 48) + "AAA=";
    }

    public static String folder(String accountId, String key) {
        return "AQMkAG" + hash("folder|" + accountId + "|" + key, 30) + "AAAA";
    }

    public static String conversation(String accountId, String key) {
        return "AAQkAG" + hash("conversation|" + accountId + "|" + key, 36) + "=";
    }

    /** Any other Outlook item (event, contact, calendar, attachment, rule) of kind {@code kind}. */
    public static String item(String kind, String accountId, String key) {
        return "AAMkAG" + hash(kind + "|" + accountId + "|" + key, 40) + "AAA=";
    }

    /** A OneDrive item id: {@code 01} and 32 upper-case base32 characters. */
    public static String driveItem(String accountId, String key) {
        byte[] digest = sha256((("driveItem|" + accountId + "|" + key)).getBytes(StandardCharsets.UTF_8));
        StringBuilder id = new StringBuilder("01");
        for (int i = 0; i < 32; i++) {
            id.append(BASE32.charAt((digest[i] & 0xFF) % 32));
        }
        return id.toString();
    }

    /** A GUID derived from {@code key}, for user object ids. */
    public static String guid(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String hash(String input, int length) {
        byte[] digest = sha256(input.getBytes(StandardCharsets.UTF_8));
        byte[] doubled = new byte[digest.length * 2];
        System.arraycopy(digest, 0, doubled, 0, digest.length);
        System.arraycopy(sha256(digest), 0, doubled, digest.length, digest.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(doubled).substring(0, length);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
