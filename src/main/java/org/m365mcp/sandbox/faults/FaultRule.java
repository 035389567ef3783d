package org.m365mcp.sandbox.faults;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One injected fault: requests whose path matches {@code pathPattern} (and {@code method}, if set)
 * wait {@code delayMs}, then, if {@code status} is set, fail with it instead of being served.
 *
 * <ul>
 *   <li>{@code pathPattern} is matched against the path below {@code /v1.0} ({@code /me/messages/AAMk…}),
 *       ignoring case; {@code *} stands for any characters, {@code /} included. A leading
 *       {@code /v1.0} in the pattern is ignored.
 *   <li>{@code count} is how many matching requests the rule affects; {@code null} means all.
 *   <li>{@code skip} matching requests are served normally before the rule applies (0: from the
 *       first), e.g. to fail the third fragment of an upload session.
 *   <li>A rule with a delay and no status is per-endpoint latency; a delay longer than the
 *       client's timeout is a timeout.
 * </ul>
 */
public record FaultRule(
        String pathPattern,
        String method,
        Integer status,
        Integer retryAfterSeconds,
        long delayMs,
        Integer count,
        String code,
        String message,
        int skip) {

    /** A rule that applies from the first matching request. */
    public FaultRule(
            String pathPattern,
            String method,
            Integer status,
            Integer retryAfterSeconds,
            long delayMs,
            Integer count,
            String code,
            String message) {
        this(pathPattern, method, status, retryAfterSeconds, delayMs, count, code, message, 0);
    }

    public FaultRule {
        Objects.requireNonNull(pathPattern, "pathPattern");
        if (pathPattern.isBlank()) {
            throw new IllegalArgumentException("path_pattern must not be blank");
        }
        if (status != null && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("status must be an HTTP error status (400-599): " + status);
        }
        if (delayMs < 0) {
            throw new IllegalArgumentException("delay_ms must not be negative: " + delayMs);
        }
        if (status == null && delayMs == 0) {
            throw new IllegalArgumentException("a fault needs a status, a delay_ms, or both");
        }
        if (count != null && count < 1) {
            throw new IllegalArgumentException("count must be positive when given: " + count);
        }
        if (skip < 0) {
            throw new IllegalArgumentException("skip must not be negative: " + skip);
        }
        if (retryAfterSeconds != null && retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retry_after_seconds must not be negative: " + retryAfterSeconds);
        }
        method = method == null || method.isBlank() ? null : method.toUpperCase(Locale.ROOT);
    }

    /** True when this rule applies to {@code method} on {@code path} (below {@code /v1.0}). */
    public boolean matches(String method, String path) {
        if (this.method != null && !this.method.equalsIgnoreCase(method)) {
            return false;
        }
        String pattern = pathPattern.regionMatches(true, 0, "/v1.0", 0, 5) ? pathPattern.substring(5) : pathPattern;
        StringBuilder regex = new StringBuilder();
        for (String literal : pattern.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE)
                .matcher(path)
                .matches();
    }

    /** Graph's error code for this fault: the configured one, else Graph's usual code for the status. */
    public String errorCode() {
        if (code != null) {
            return code;
        }
        return switch (status) {
            case 429 -> "TooManyRequests";
            case 503 -> "ServiceUnavailable";
            case 504 -> "GatewayTimeout";
            case 500 -> "InternalServerError";
            default -> "UnknownError";
        };
    }

    public String errorMessage() {
        if (message != null) {
            return message;
        }
        return switch (status) {
            case 429 ->
                "Too many requests. Retry after "
                        + (retryAfterSeconds == null ? "a while" : retryAfterSeconds + " seconds") + ".";
            case 503 -> "The service is temporarily unavailable. Please retry.";
            case 504 -> "The gateway timed out.";
            default -> "The sandbox injected a fault for this request.";
        };
    }
}
