package org.m365mcp.tools.drive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.m365mcp.graph.GraphClient;
import org.m365mcp.graph.GraphException;
import org.m365mcp.graph.GraphResponse;
import org.m365mcp.mcp.ToolException;
import org.m365mcp.mcp.ToolProgress;

/**
 * Uploads one local file through a Graph upload session: {@code POST …/createUploadSession}, then
 * the file in fragments of {@link UploadRanges#FRAGMENT} bytes PUT to the session's pre-authenticated
 * {@code uploadUrl} with {@code Content-Range}, until Graph answers the item (201 or 200).
 *
 * <ul>
 *   <li>Streamed: one fragment is in memory at a time, read from the file at its offset.
 *   <li>The {@code uploadUrl} gets no {@code Authorization} header and is never logged nor put in
 *       a message: it is the session's credential.
 *   <li>A fragment that fails with a server error (5xx, after the client's own retries), a network
 *       failure or 416 is resumed: the session's status says which byte it expects next, and the
 *       upload goes on from there, at most {@link #MAX_RESUMES} times in all.
 *   <li>Any other failure cancels the session ({@code DELETE uploadUrl}) and is thrown as it came; so
 *       does the client's cancellation of the call, heeded before each fragment: nothing of the file
 *       is left in OneDrive.
 *   <li>Progress is the bytes Graph has acknowledged, of the file's size.
 *   <li>One instance per call; not thread-safe.
 * </ul>
 */
final class ResumableUpload {

    /** How many failed fragments one upload resumes after before giving up. */
    static final int MAX_RESUMES = 5;

    private static final System.Logger LOG = System.getLogger(ResumableUpload.class.getName());

    private final GraphClient graph;
    private final int fragment;
    private final ToolProgress progress;

    /** @param progress told the bytes Graph has after each fragment ("3.1 of 12.0 MB uploaded") */
    ResumableUpload(GraphClient graph, int fragment, ToolProgress progress) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.progress = Objects.requireNonNull(progress, "progress");
        if (fragment <= 0 || fragment % UploadRanges.UNIT != 0) {
            throw new IllegalArgumentException("A fragment must be a positive multiple of 320 KiB: " + fragment);
        }
        this.fragment = fragment;
    }

    /**
     * Uploads {@code size} bytes of {@code file} through a session created at {@code createPath}
     * with {@code item} (Graph's {@code driveItemUploadableProperties}).
     *
     * @return the uploaded item as Graph answered it
     * @throws GraphException when creating the session fails, or a fragment fails for good
     * @throws ToolException when the file cannot be read or changed while it was uploaded
     */
    JsonNode upload(String accountId, String createPath, ObjectNode item, Path file, long size) {
        ObjectNode body = item.objectNode();
        body.set("item", item);
        String uploadUrl =
                graph.post(accountId, createPath, body).path("uploadUrl").asText("");
        if (!uploadUrl.startsWith("https://") && !uploadUrl.startsWith("http://")) {
            throw new ToolException(
                    "OneDrive created the upload session but gave no upload URL; nothing was uploaded.");
        }
        URI session = URI.create(uploadUrl);
        try (SeekableByteChannel channel =
                Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return send(session, channel, size);
        } catch (IOException e) {
            cancel(session);
            throw new ToolException("Could not read '" + file.getFileName() + "' to upload it: " + e.getMessage());
        } catch (RuntimeException e) {
            cancel(session);
            throw e;
        }
    }

    private JsonNode send(URI session, SeekableByteChannel channel, long size) throws IOException {
        long offset = 0;
        int resumes = 0;
        while (true) {
            progress.stopIfCancelled();
            byte[] bytes = read(channel, offset, UploadRanges.fragmentLength(offset, size, fragment));
            GraphResponse response;
            try {
                response = graph.putPreAuthenticated(
                        session, bytes, Map.of("Content-Range", UploadRanges.contentRange(offset, bytes.length, size)));
            } catch (GraphException e) {
                if (!resumable(e) || ++resumes > MAX_RESUMES) {
                    throw e;
                }
                LOG.log(
                        System.Logger.Level.INFO,
                        "Upload fragment at byte {0} failed ({1}); resuming",
                        offset,
                        e.status());
                offset = expected(graph.getPreAuthenticated(session).json(), size);
                continue;
            }
            if (response.status() == 200 || response.status() == 201) {
                return response.json();
            }
            offset = expected(response.json(), size);
            progress.report(offset, size, megabytes(offset) + " of " + megabytes(size) + " MB uploaded");
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    /** The byte the session expects next, which must lie inside the file. */
    private static long expected(JsonNode status, long size) {
        long next = UploadRanges.nextStart(status.path("nextExpectedRanges"));
        if (next < 0 || next >= size) {
            throw new ToolException("OneDrive's upload session expects no byte of this file (it says "
                    + status.path("nextExpectedRanges") + "); the upload was cancelled, start it again.");
        }
        return next;
    }

    private static byte[] read(SeekableByteChannel channel, long offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        channel.position(offset);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new ToolException("The file became shorter while it was uploaded; the upload was cancelled.");
            }
        }
        return buffer.array();
    }

    /** Server errors, network failures and a range the session did not expect: ask where it stands. */
    private static boolean resumable(GraphException e) {
        return e.status() == 0 || e.status() >= 500 || e.status() == 416;
    }

    private void cancel(URI session) {
        try {
            graph.deletePreAuthenticated(session);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.DEBUG,
                    "Cancelling an upload session failed: {0}",
                    e.getClass().getSimpleName());
        }
    }
}
