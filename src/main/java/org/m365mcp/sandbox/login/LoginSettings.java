package org.m365mcp.sandbox.login;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the sandbox's sign-in lets things live, and how often a device may poll.
 *
 * <ul>
 *   <li>{@code accessTokenLifetime}: the {@code expires_in} of every issued access token
 *       ({@code m365.sandbox.login.access-token-lifetime-seconds}, default 3600 as on Microsoft's).
 *   <li>{@code deviceCodeLifetime}: how long a device code waits for its user
 *       ({@code m365.sandbox.login.device-code-lifetime-seconds}, default 900 as on Microsoft's).
 *   <li>{@code pollInterval}: the {@code interval} clients sleep between polls
 *       ({@code m365.sandbox.login.poll-interval-seconds}, default 1 instead of Microsoft's 5, to keep
 *       tests quick).
 *   <li>Whole seconds, none negative: the wire speaks in seconds. Zero is allowed (a token or code
 *       that is expired when issued; polling without a pause).
 * </ul>
 */
public record LoginSettings(Duration accessTokenLifetime, Duration deviceCodeLifetime, Duration pollInterval) {

    /** Microsoft's lifetimes, with a one-second poll interval. */
    public static final LoginSettings DEFAULTS =
            new LoginSettings(Duration.ofSeconds(3600), Duration.ofSeconds(900), Duration.ofSeconds(1));

    public LoginSettings {
        check(accessTokenLifetime, "accessTokenLifetime");
        check(deviceCodeLifetime, "deviceCodeLifetime");
        check(pollInterval, "pollInterval");
    }

    /** The settings in seconds, as the configuration and the admin API give them. */
    public static LoginSettings ofSeconds(long accessTokenLifetime, long deviceCodeLifetime, long pollInterval) {
        return new LoginSettings(
                Duration.ofSeconds(accessTokenLifetime),
                Duration.ofSeconds(deviceCodeLifetime),
                Duration.ofSeconds(pollInterval));
    }

    public LoginSettings withAccessTokenLifetime(Duration lifetime) {
        return new LoginSettings(lifetime, deviceCodeLifetime, pollInterval);
    }

    public LoginSettings withDeviceCodeLifetime(Duration lifetime) {
        return new LoginSettings(accessTokenLifetime, lifetime, pollInterval);
    }

    public LoginSettings withPollInterval(Duration interval) {
        return new LoginSettings(accessTokenLifetime, deviceCodeLifetime, interval);
    }

    private static void check(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.getNano() != 0) {
            throw new IllegalArgumentException(name + " must be whole, non-negative seconds: " + value);
        }
    }
}
