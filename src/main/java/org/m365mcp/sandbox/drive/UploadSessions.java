package org.m365mcp.sandbox.drive;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.m365mcp.sandbox.common.Json;
import org.m365mcp.sandbox.common.SandboxGraphException;

/**
 * OneDrive's resumable uploads ({@code createUploadSession}) of one drive: the sessions, the byte
 * ranges each has received, and the item made when the last byte arrives.
 *
 * <ul>
 *   <li>A session's {@code uploadUrl} ({@code …/sandbox/upload/{id}}) is its own credential: the id
 *       is 32 random bytes, and the URL takes no bearer token.
 *   <li>Fragments arrive in order: each must start at the next expected byte and end inside the
 *       file whose size the first one declared ({@code Content-Range: bytes 0-327679/10485760}), else
 *       416 {@code invalidRange}; a fragment that does not end the file must be a multiple of
 *       320 KiB, as Graph asks of clients.
 *   <li>A session expires {@link #LIFETIME} after it was created or last received a fragment (by the
 *       drive's clock); an expired or finished session is 404 {@code itemNotFound}.
 *   <li>The last fragment creates or replaces the item with the session's conflict behaviour
 *       ({@link DriveWrites}); a conflict then is 409 and ends the session, as on Graph.
 *   <li>Bytes are kept in memory. Thread-safe through the drive's monitor.
 * </ul>
 */
public final class UploadSessions {

    /** How long a session lives without a fragment. */
    static final Duration LIFETIME = Duration.ofMinutes(15);

    /** Graph's fragment unit: every fragment but the last is a multiple of it. */
    static final int FRAGMENT_UNIT = 320 * 1024;

    /** Graph's largest fragment: 60 MiB. */
    static final long MAX_FRAGMENT = 60L * 1024 * 1024;

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18})");

    /**
     * Where the file goes: a new file {@code name} in folder {@code parentId}, a path below the root
     * ({@code path}, missing folders made at the end), or the existing file {@code itemId}.
     */
    record Target(String parentId, String name, String path, String itemId, String behavior) {}

    /** What an upload URL answers: its status code and body. */
    public record Answer(int status, ObjectNode body) {}

    private static final class Session {
        final Target target;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        long total;
        Instant expires;

        Session(Target target, long total, Instant expires) {
            this.target = target;
            this.total = total;
            this.expires = expires;
        }
    }

    private final Drive drive;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new HashMap<>();

    UploadSessions(Drive drive) {
        this.drive = drive;
    }

    /**
     * Opens a session for {@code target}; {@code declaredSize} ({@code item.fileSize}) or -1. Answers
     * Graph's {@code uploadSession}: {@code uploadUrl}, {@code expirationDateTime}, {@code nextExpectedRanges}.
     */
    ObjectNode create(Target target, long declaredSize, String sandboxRoot) {
        synchronized (drive) {
            new DriveWrites(drive).checkUploadTarget(target);
            byte[] id = new byte[32];
            random.nextBytes(id);
            String sessionId = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
            Session session = new Session(target, declaredSize, drive.now().plus(LIFETIME));
            sessions.put(sessionId, session);
            ObjectNode out = status(session);
            out.put("uploadUrl", sandboxRoot + "/upload/" + sessionId);
            return out;
        }
    }

    /** {@code GET uploadUrl}: the session's expiry and the ranges it still expects. */
    public Answer status(String sessionId) {
        synchronized (drive) {
            return new Answer(200, status(live(sessionId)));
        }
    }

    /** {@code DELETE uploadUrl}: the session and its bytes are gone. */
    public void cancel(String sessionId) {
        synchronized (drive) {
            live(sessionId);
            sessions.remove(sessionId);
        }
    }

    /**
     * {@code PUT uploadUrl} with one fragment: 202 with the next expected range, or, for the last
     * fragment, the item (201 created, 200 replaced).
     */
    public Answer put(String sessionId, String contentRange, byte[] fragment, String sandboxRoot) {
        synchronized (drive) {
            Session session = live(sessionId);
            long[] range = range(contentRange);
            long start = range[0];
            long end = range[1];
            long total = range[2];
            long length = end - start + 1;
            if (length != fragment.length) {
                throw SandboxGraphException.driveInvalidRequest(
                        "The body has " + fragment.length + " bytes but Content-Range announces " + length + ".");
            }
            if (session.total >= 0 && total != session.total) {
                throw invalidRange("The file's size was " + session.total + " bytes, not " + total + ".");
            }
            if (start != session.received.size()) {
                throw invalidRange("The fragment starts at byte " + start + " but the next expected byte is "
                        + session.received.size() + ".");
            }
            if (end >= total) {
                throw invalidRange("The fragment ends past the file's last byte.");
            }
            if (length > MAX_FRAGMENT) {
                throw SandboxGraphException.driveInvalidRequest("A fragment may have at most 60 MiB.");
            }
            if (end + 1 < total && length % FRAGMENT_UNIT != 0) {
                throw SandboxGraphException.driveInvalidRequest(
                        "A fragment that does not end the file must be" + " a multiple of 320 KiB (327,680 bytes).");
            }
            session.total = total;
            session.received.writeBytes(fragment);
            if (session.received.size() < total) {
                session.expires = drive.now().plus(LIFETIME);
                return new Answer(202, status(session));
            }
            sessions.remove(sessionId);
            DriveWrites.Upload upload =
                    new DriveWrites(drive).finishUpload(session.target, session.received.toByteArray());
            return new Answer(
                    upload.created() ? 201 : 200,
                    drive.render(upload.item().path("id").asText(), sandboxRoot));
        }
    }

    private Session live(String sessionId) {
        Session session = sessions.get(sessionId);
        if (session != null && !drive.now().isBefore(session.expires)) {
            sessions.remove(sessionId);
            session = null;
        }
        if (session == null) {
            throw new SandboxGraphException(404, "itemNotFound", "The upload session was not found or has expired.");
        }
        return session;
    }

    private static ObjectNode status(Session session) {
        ObjectNode out = Json.object().put("expirationDateTime", session.expires.toString());
        out.putArray("nextExpectedRanges").add(session.received.size() + "-");
        return out;
    }

    /** {@code [start, end, total]} of {@code bytes start-end/total}. */
    private static long[] range(String header) {
        Matcher m = CONTENT_RANGE.matcher(header == null ? "" : header.trim());
        if (!m.matches()) {
            throw SandboxGraphException.driveInvalidRequest("Content-Range must read 'bytes start-end/total'.");
        }
        long start = Long.parseLong(m.group(1));
        long end = Long.parseLong(m.group(2));
        long total = Long.parseLong(m.group(3));
        if (end < start || total <= 0) {
            throw invalidRange("The range " + start + "-" + end + " of " + total + " bytes is empty or reversed.");
        }
        return new long[] {start, end, total};
    }

    private static SandboxGraphException invalidRange(String message) {
        return new SandboxGraphException(416, "invalidRange", message);
    }

    /** The session {@code id} belongs to this drive. */
    public boolean has(String sessionId) {
        synchronized (drive) {
            return sessions.containsKey(sessionId);
        }
    }
}
