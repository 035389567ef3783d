package org.m365mcp.sync.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long a subscription is asked to live and when it is renewed, within each resource's maximum.
 *
 * <ul>
 *   <li>Asked lifetime: {@code lifetime}, but never past the resource's maximum less
 *       {@link #CLOCK_SLACK} (Graph refuses an expiration beyond it, measured by its own clock).
 *   <li>Renewed once less than {@code renewBefore} is left, at most half the asked lifetime, so a short
 *       lifetime is not renewed on every check.
 * </ul>
 *
 * @param lifetime the configured lifetime ({@code m365.mcp.notifications.lifetime})
 * @param renewBefore how long before expiry to renew ({@code m365.mcp.notifications.renew-before})
 */
record RenewalPolicy(Duration lifetime, Duration renewBefore) {

    /** Kept between the asked expiration and Graph's maximum, for clock skew between us and Graph. */
    static final Duration CLOCK_SLACK = Duration.ofMinutes(5);

    RenewalPolicy {
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(renewBefore, "renewBefore");
        if (lifetime.compareTo(Duration.ofMinutes(1)) < 0 || renewBefore.isNegative()) {
            throw new IllegalArgumentException(
                    "m365.mcp.notifications.lifetime must be at least 1 minute and renew-before not negative");
        }
    }

    /** The expiration to ask for a subscription of {@code resource} created or renewed at {@code now}. */
    Instant expiration(SubscriptionTarget resource, Instant now) {
        return now.plus(granted(resource));
    }

    /** True when {@code subscription} should be renewed at {@code now}. */
    boolean due(ActiveSubscription subscription, Instant now) {
        Duration half = granted(subscription.resource()).dividedBy(2);
        Duration margin = renewBefore.compareTo(half) < 0 ? renewBefore : half;
        return !now.isBefore(subscription.expiration().minus(margin));
    }

    private Duration granted(SubscriptionTarget resource) {
        Duration max = resource.maxLifetime().minus(CLOCK_SLACK);
        return lifetime.compareTo(max) < 0 ? lifetime : max;
    }
}
