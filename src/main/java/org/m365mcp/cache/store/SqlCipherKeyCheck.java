package org.m365mcp.cache.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.m365mcp.cache.key.CacheKey;

/**
 * Checks, without SQLite, whether a key opens an existing SQLCipher 4 file, by verifying the
 * HMAC of page 1.
 *
 * <p>Why: SQLite, handed a wrong key, still opens the file's {@code -wal} and may checkpoint or
 * delete it when the failed connection closes. Verifying first means a file the key does not open
 * is never touched. SQLCipher 4 page 1 is: 16-byte KDF salt, ciphertext, 16-byte IV, 64-byte
 * HMAC-SHA512 over ciphertext, IV and the page number (4 bytes, little-endian). The HMAC key is
 * PBKDF2-HMAC-SHA512(encryption key, salt XOR 0x3a, 2 iterations); the encryption key is
 * PBKDF2-HMAC-SHA512(passphrase, salt, 256000 iterations).
 */
final class SqlCipherKeyCheck {

    static final int PAGE_SIZE = 4096;
    private static final int SALT = 16;
    private static final int IV = 16;
    private static final int HMAC = 64;
    private static final int KDF_ITERATIONS = 256_000;
    private static final int HMAC_KDF_ITERATIONS = 2;
    private static final int KEY_BYTES = 32;
    /** Reads of page 1 before a failing check is believed. */
    private static final int READS = 3;

    private SqlCipherKeyCheck() {}

    /**
     * True if {@code key} authenticates page 1 of {@code file}; false for any other content.
     *
     * <p>Another process may be checkpointing page 1 while it is read. A page that fails is read
     * again, and only a failure on the same bytes twice counts: a torn read must not make a good
     * file look unreadable (which would set it aside).
     */
    static boolean opens(Path file, CacheKey key) throws IOException {
        byte[] page = firstPage(file);
        for (int read = 1; page.length == PAGE_SIZE; read++) {
            if (authenticates(page, key)) {
                return true;
            }
            byte[] again = firstPage(file);
            if (read == READS || Arrays.equals(again, page)) {
                return false;
            }
            page = again;
        }
        return false;
    }

    private static byte[] firstPage(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(PAGE_SIZE);
        }
    }

    private static boolean authenticates(byte[] page, CacheKey key) {
        try {
            byte[] salt = Arrays.copyOfRange(page, 0, SALT);
            byte[] encryptionKey = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                    .generateSecret(new PBEKeySpec(key.secret().toCharArray(), salt, KDF_ITERATIONS, KEY_BYTES * 8))
                    .getEncoded();
            byte[] hmacSalt = salt.clone();
            for (int i = 0; i < hmacSalt.length; i++) {
                hmacSalt[i] ^= 0x3a;
            }
            byte[] hmacKey = pbkdf2(encryptionKey, hmacSalt, HMAC_KDF_ITERATIONS);
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(hmacKey, "HmacSHA512"));
            mac.update(page, SALT, PAGE_SIZE - SALT - HMAC);
            mac.update(new byte[] {1, 0, 0, 0});
            byte[] expected = Arrays.copyOfRange(page, PAGE_SIZE - HMAC, PAGE_SIZE);
            return MessageDigest.isEqual(mac.doFinal(), expected);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2/HMAC-SHA512 unavailable in this JVM", e);
        }
    }

    /** PBKDF2-HMAC-SHA512 over a binary password, one output block (JCE only accepts char[]). */
    private static byte[] pbkdf2(byte[] password, byte[] salt, int iterations) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(password, "HmacSHA512"));
        mac.update(salt);
        byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
        byte[] result = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = mac.doFinal(u);
            for (int j = 0; j < result.length; j++) {
                result[j] ^= u[j];
            }
        }
        return Arrays.copyOf(result, KEY_BYTES);
    }
}
