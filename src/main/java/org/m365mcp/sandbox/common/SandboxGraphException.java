package org.m365mcp.sandbox.common;

/**
 * An error the sandbox answers in Graph's shape {@code {"error":{"code":…,"message":…}}}.
 *
 * <ul>
 *   <li>Thrown by the plain-Java sandbox logic; the sandbox's {@code GraphErrorMapper} turns it into
 *       the response, with {@link #retryAfterSeconds()} as {@code Retry-After} when set.
 *   <li>Outlook workloads (mail, calendar, contacts) use {@code Error…} codes; OneDrive uses
 *       lower-camel codes ({@code itemNotFound}), as Graph itself does.
 * </ul>
 */
public final class SandboxGraphException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final Integer retryAfterSeconds;

    public SandboxGraphException(int status, String code, String message) {
        this(status, code, message, null);
    }

    public SandboxGraphException(int status, String code, String message, Integer retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Outlook's answer for an unknown folder, message, event or contact id. */
    public static SandboxGraphException itemNotFound() {
        return new SandboxGraphException(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }

    /** Outlook's answer for a request it cannot act on. */
    public static SandboxGraphException invalidRequest(String message) {
        return new SandboxGraphException(400, "ErrorInvalidRequest", message);
    }

    /** OneDrive's answer for an unknown item id or path. */
    public static SandboxGraphException driveItemNotFound() {
        return new SandboxGraphException(404, "itemNotFound", "The resource could not be found.");
    }

    /** OneDrive's answer for a request it cannot act on. */
    public static SandboxGraphException driveInvalidRequest(String message) {
        return new SandboxGraphException(400, "invalidRequest", message);
    }

    /** Graph's answer for a malformed query option. */
    public static SandboxGraphException badRequest(String message) {
        return new SandboxGraphException(400, "BadRequest", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Seconds for a {@code Retry-After} header, or {@code null} for none. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
