package org.m365mcp.sync.notifications;

import java.time.Instant;
import java.util.Objects;

/**
 * A subscription Graph validated and created for one account.
 *
 * <ul>
 *   <li>{@code clientState} is the secret Graph echoes in every notification: never logged, so
 *       {@link #toString()} leaves it out.
 * </ul>
 *
 * @param id Graph's subscription id
 * @param accountId the canonical account id it was created for
 * @param resource what it reports changes of
 * @param clientState the random secret sent with it
 * @param expiration when Graph drops it unless renewed
 */
record ActiveSubscription(
        String id, String accountId, SubscriptionTarget resource, String clientState, Instant expiration) {

    ActiveSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(clientState, "clientState");
        Objects.requireNonNull(expiration, "expiration");
    }

    ActiveSubscription withExpiration(Instant renewed) {
        return new ActiveSubscription(id, accountId, resource, clientState, renewed);
    }

    boolean isLive(Instant now) {
        return now.isBefore(expiration);
    }

    @Override
    public String toString() {
        return "subscription " + id + " (" + accountId + ", " + resource.path() + ", until " + expiration + ")";
    }
}
