package org.m365mcp.mcp;

import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.BlobResourceContents;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers {@code resources/read} for a link of {@link ResourceLinks}: the file's bytes, base64-encoded,
 * when every check passes.
 *
 * <ul>
 *   <li>The link must have been handed to the asking session; the file must still be the one linked
 *       (same file key, time and size), a regular file and no symbolic link, directly inside its
 *       directory, whose real path is still the one it had when linked. Any failure is JSON-RPC error {@code -32002} (resource not found) that
 *       names neither a path nor a class; another session's link reads exactly like an unknown one.</li>
 *   <li>A file larger than {@code maxBytes} is refused ({@code -32602}) before anything is read: the
 *       SDK's answer is one JSON message holding the whole file as a base64 string, so its size is
 *       bounded.</li>
 *   <li>The file is encoded while it is read (no whole copy of its raw bytes), into a buffer sized for
 *       the result.</li>
 *   <li>Stateless apart from its settings; thread-safe.</li>
 * </ul>
 */
final class LinkedFileReader {

    private static final Logger LOG = Logger.getLogger(LinkedFileReader.class.getName());

    private final ResourceLinks links;
    private final long maxBytes;

    LinkedFileReader(ResourceLinks links, long maxBytes) {
        this.links = Objects.requireNonNull(links, "links");
        this.maxBytes = maxBytes;
    }

    /**
     * The contents of {@code uri} for {@code session}.
     *
     * @throws McpError {@code -32002} when the session has no such link or its file is not there as linked;
     *                  {@code -32602} when the file is larger than the limit
     */
    ReadResourceResult read(String session, String uri) {
        IssuedLink link =
                links.find(session, uri).orElseThrow(() -> notFound(uri, "this session was given no link " + uri));
        SavedFile saved = link.file();
        if (!servable(link)) {
            throw notFound(uri, "the file was deleted, replaced or moved since the tool saved it");
        }
        if (saved.size() > maxBytes) {
            throw McpError.builder(ErrorCodes.INVALID_PARAMS)
                    .message("The file is " + saved.size() + " bytes; resources/read serves files up to " + maxBytes
                            + " bytes (m365.mcp.resources.max-read-size). It is in the server's download"
                            + " directory at the path the tool answered.")
                    .data(Map.of("uri", uri, "size", saved.size(), "max_size", maxBytes))
                    .build();
        }
        String blob;
        try {
            blob = base64(saved.file(), saved.size());
        } catch (IOException e) {
            LOG.log(Level.FINE, "A linked file could not be read", e);
            throw notFound(uri, "the file could not be read");
        }
        return new ReadResourceResult(List.of(new BlobResourceContents(uri, saved.mimeType(), blob)));
    }

    /** Whether the linked file is still the one linked, a regular file directly in its directory's real path. */
    private static boolean servable(IssuedLink link) {
        SavedFile saved = link.file();
        try {
            BasicFileAttributes now =
                    Files.readAttributes(saved.file(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!now.isRegularFile() || !link.sameFileAs(now)) {
                return false;
            }
            Path directory = saved.directory().toRealPath();
            return directory.equals(link.realDirectory())
                    && directory.equals(saved.file().toRealPath().getParent());
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code size} bytes of {@code file} as base64, encoded as they are read; fails if the file holds more or fewer. */
    private static String base64(Path file, long size) throws IOException {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream((int) (4 * ((size + 2) / 3)));
        long copied;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
                OutputStream out = Base64.getEncoder().wrap(encoded)) {
            copied = in.transferTo(new BoundedStream(out, size));
        }
        if (copied != size) {
            throw new IOException("The file changed while it was read");
        }
        return encoded.toString(StandardCharsets.ISO_8859_1);
    }

    private static McpError notFound(String uri, String why) {
        return McpError.builder(ErrorCodes.RESOURCE_NOT_FOUND)
                .message("Resource not found: " + why)
                .data(Map.of("uri", uri))
                .build();
    }

    /** Passes at most {@code limit} bytes on, and fails on more, so a file that grew is not read on. */
    private static final class BoundedStream extends OutputStream {

        private final OutputStream out;
        private long left;

        BoundedStream(OutputStream out, long limit) {
            this.out = out;
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > left) {
                throw new IOException("The file grew while it was read");
            }
            left -= len;
            out.write(b, off, len);
        }
    }
}
