package org.m365mcp.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a synced resource is due for its next delta round (issue 16 item 3, polling): the inbox and
 * resources with an entry cached within {@link SyncSettings#recent()} at the hot interval (30 s),
 * the others at the normal one (2 min), those change notifications cover at the notified interval
 * (30 min, a safety net). Of an account that notifications follow, what they cannot cover (the mail
 * folders: Graph has no subscription for them) is polled at the normal interval even when recently
 * read: a message notification pulls it anyway, and an idle account then costs 5 rounds a 10 minutes
 * per such resource. A resource never synced since start-up is due at once, so a restart catches up
 * from its stored link. Pure.
 */
record PollingPlan(Duration hot, Duration normal, Duration notified, Duration recent) {

    static PollingPlan of(SyncSettings settings) {
        return new PollingPlan(
                settings.hotInterval(), settings.interval(), settings.notifiedInterval(), settings.recent());
    }

    /**
     * The interval {@code resource} is polled at.
     *
     * @param notifiedOf      whether notifications cover {@code resource}
     * @param accountNotified whether notifications follow the account at all (its messages are covered)
     */
    Duration interval(
            SyncResource resource, Instant newestCached, boolean notifiedOf, boolean accountNotified, Instant now) {
        if (notifiedOf) {
            return notified;
        }
        if (accountNotified) {
            return normal;
        }
        boolean inbox = resource.kind() == SyncKind.MESSAGES && resource.scope().equalsIgnoreCase("inbox");
        boolean recentlyRead =
                newestCached != null && !newestCached.plus(recent).isBefore(now);
        return inbox || recentlyRead ? hot : normal;
    }

    /** True when a round is due: none since start-up, or the last one an interval ago. */
    boolean due(Optional<Instant> lastSync, Duration interval, Instant now) {
        return lastSync.map(at -> !at.plus(interval).isAfter(now)).orElse(true);
    }
}
