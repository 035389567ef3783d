package org.m365mcp.sandbox.delta;

import java.time.Duration;
import java.util.Objects;

/**
 * How much change history the sandbox keeps, which bounds how old a delta token may be.
 *
 * <ul>
 *   <li>{@code maxChanges}: changes kept per account and kind of item
 *       ({@code m365.sandbox.delta.max-changes}, default 10,000); a token older than the oldest kept
 *       change is 410 Gone, as Outlook's bounded token cache does.
 *   <li>{@code tokenLifetime}: how long a state token and a recorded change live
 *       ({@code m365.sandbox.delta.token-lifetime-hours}, default 168 = 7 days).
 * </ul>
 */
public record DeltaSettings(int maxChanges, Duration tokenLifetime) {

    /** 10,000 changes, 7 days. */
    public static final DeltaSettings DEFAULTS = new DeltaSettings(10_000, Duration.ofDays(7));

    public DeltaSettings {
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        if (maxChanges < 1 || tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("maxChanges and tokenLifetime must be positive");
        }
    }
}
