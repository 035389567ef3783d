package org.m365mcp.sync.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How long subscriptions are asked to live and when they are renewed, by Graph's maximum per resource. */
class RenewalPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");
    private final RenewalPolicy policy = new RenewalPolicy(Duration.ofHours(70), Duration.ofHours(12));

    @Test
    void expiration_outlookAndDrive_theConfiguredLifetimeUnderEachMaximum() {
        assertThat(policy.expiration(SubscriptionTarget.MESSAGES, NOW)).isEqualTo(NOW.plus(Duration.ofHours(70)));
        assertThat(policy.expiration(SubscriptionTarget.DRIVE, NOW)).isEqualTo(NOW.plus(Duration.ofHours(70)));
    }

    @Test
    void expiration_lifetimePastGraphsMaximum_cappedFiveMinutesUnderIt() {
        RenewalPolicy long_ = new RenewalPolicy(Duration.ofDays(60), Duration.ofHours(12));

        assertThat(long_.expiration(SubscriptionTarget.EVENTS, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(4230 - 5)));
        assertThat(long_.expiration(SubscriptionTarget.DRIVE, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(42300 - 5)));
    }

    @Test
    void due_renewBeforeMarginReached_trueFromExactlyThatInstant() {
        ActiveSubscription s = subscription(SubscriptionTarget.CONTACTS, NOW.plus(Duration.ofHours(70)));
        Instant renewAt = NOW.plus(Duration.ofHours(58));

        assertThat(policy.due(s, NOW)).isFalse();
        assertThat(policy.due(s, renewAt.minusSeconds(1))).isFalse();
        assertThat(policy.due(s, renewAt)).isTrue();
        assertThat(policy.due(s, s.expiration().plusSeconds(1))).isTrue();
    }

    @Test
    void due_marginLongerThanHalfTheLifetime_renewedAtHalfNotOnEveryCheck() {
        RenewalPolicy short_ = new RenewalPolicy(Duration.ofHours(2), Duration.ofHours(12));
        ActiveSubscription s =
                subscription(SubscriptionTarget.MESSAGES, short_.expiration(SubscriptionTarget.MESSAGES, NOW));

        assertThat(short_.due(s, NOW.plus(Duration.ofMinutes(59)))).isFalse();
        assertThat(short_.due(s, NOW.plus(Duration.ofMinutes(60)))).isTrue();
    }

    private static ActiveSubscription subscription(SubscriptionTarget resource, Instant expiration) {
        return new ActiveSubscription("s1", "demo", resource, "state", expiration);
    }
}
