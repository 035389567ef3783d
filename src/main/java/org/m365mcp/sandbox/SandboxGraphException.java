package org.m365mcp.sandbox;

/**
 * An error the sandbox answers in Graph's shape {@code {"error":{"code":…,"message":…}}}.
 *
 * <p>Thrown by the plain-Java sandbox logic; {@link GraphErrorMapper} turns it into the response.
 */
final class SandboxGraphException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    SandboxGraphException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /** Graph's answer for an unknown folder or item id. */
    static SandboxGraphException itemNotFound() {
        return new SandboxGraphException(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }

    /** Graph's answer for a malformed query option. */
    static SandboxGraphException badRequest(String message) {
        return new SandboxGraphException(400, "BadRequest", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
