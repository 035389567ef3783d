package org.m365mcp.cache.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Gzip compression of payloads at a fixed level. Stateless and thread-safe. */
final class PayloadCodec {

    private final int threshold;
    private final int level;

    PayloadCodec(int threshold, int level) {
        this.threshold = threshold;
        this.level = level;
    }

    /** Whether a payload of {@code length} bytes is stored compressed: at or above the threshold. */
    boolean shouldCompress(int length) {
        return length >= threshold;
    }

    byte[] compress(byte[] payload) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.max(64, payload.length / 4));
        try (GZIPOutputStream gzip = new LeveledGzip(buffer, level)) {
            gzip.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    static byte[] decompress(byte[] stored) {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            return gzip.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GZIPOutputStream exposes its Deflater only to subclasses. */
    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(ByteArrayOutputStream out, int level) throws IOException {
            super(out, 8192);
            def.setLevel(level);
        }
    }
}
