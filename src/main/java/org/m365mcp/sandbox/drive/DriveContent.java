package org.m365mcp.sandbox.drive;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * File bytes and types for the sandbox drive: seeded files get deterministic bytes generated on
 * demand (so a few thousand files cost no memory until downloaded); uploaded ones keep theirs.
 *
 * <p>Stateless and thread-safe.
 */
final class DriveContent {

    private static final Map<String, String> MIME_TYPES = Map.ofEntries(
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("txt", "text/plain"),
            Map.entry("md", "text/markdown"),
            Map.entry("csv", "text/csv"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("json", "application/json"));

    private DriveContent() {}

    static String mimeType(String name) {
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return MIME_TYPES.getOrDefault(ext, "application/octet-stream");
    }

    /** Exactly {@code size} bytes, the same for the same item id: readable text for text types. */
    static byte[] generated(String itemId, String name, long size) {
        byte[] out = new byte[(int) size];
        String mime = mimeType(name);
        if (mime.startsWith("text/") || mime.equals("application/json")) {
            byte[] line = ("Contoso sandbox file " + name + " (" + itemId + ")\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < out.length; i++) {
                out[i] = line[i % line.length];
            }
        } else {
            new Random(itemId.hashCode()).nextBytes(out);
        }
        return out;
    }

    /** A stand-in for OneDrive's quickXorHash: base64 of a hash of the item id and size. */
    static String hash(String itemId, long size) {
        long h = (itemId.hashCode() * 31L) ^ size;
        return Base64.getEncoder()
                .encodeToString(String.format("%016x%04x", h, size & 0xffff).getBytes(StandardCharsets.US_ASCII))
                .substring(0, 28);
    }
}
