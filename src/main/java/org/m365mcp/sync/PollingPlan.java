package org.m365mcp.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a synced resource is due for its next delta round (issue 16 item 3, polling): the inbox and
 * resources with an entry cached within {@link SyncSettings#recent()} at the hot interval (30 s),
 * the others at the normal one (2 min), those change notifications cover at the notified interval
 * (30 min, a safety net). Of an account that notifications follow, what they cannot cover (the mail
 * folders: Graph has no subscription for them) is polled at the normal interval even when recently
 * read: a message notification pulls it anyway, and an idle account then costs 5 rounds a 10 minutes
 * per such resource. The mail folders are at the normal interval when polled too: every message
 * round that brings changes pulls them at once (their counts moved), so only a folder renamed, added,
 * moved or deleted elsewhere, or counts moved in a folder not followed, wait for it. A resource never synced since start-up is due at once, so a restart catches up
 * from its stored link.
 *
 * <p>"Recently read" is the later of the newest entry's creation and the last read of the resource
 * through a cached tool ({@link ResourceReads}). An account's rounds are planned within
 * {@link SyncSettings#budget()} a 10 minutes ({@link #intervals}): when the intervals above would
 * cost more, every resource keeps at least the notified interval, then the inbox gets its hot
 * interval, then what is being read now (read within the normal interval) its hot one, then the
 * others their normal one, then the rest of the recently read their hot one — the most recently
 * read first at each step, as far as the budget goes. Pure.
 */
record PollingPlan(Duration hot, Duration normal, Duration notified, Duration recent, int budget) {

    /** The stretch of time the budget is counted over. */
    static final Duration WINDOW = Duration.ofMinutes(10);

    /**
     * One resource an account follows, as the plan weighs it.
     *
     * @param newestCached when its newest cached entry was fetched
     * @param lastRead     when a cached tool last read it, or null when none did since start-up
     */
    record Followed(SyncResource resource, Instant newestCached, Instant lastRead, boolean notifiedOf) {

        /** When it was last fetched or read, whichever is later; null when neither is known. */
        Instant recency() {
            if (lastRead == null || (newestCached != null && newestCached.isAfter(lastRead))) {
                return newestCached;
            }
            return lastRead;
        }

        /** True when a cached tool read it within {@code within} of {@code now}. */
        boolean readWithin(Duration within, Instant now) {
            return lastRead != null && !lastRead.plus(within).isBefore(now);
        }
    }

    static PollingPlan of(SyncSettings settings) {
        return new PollingPlan(
                settings.hotInterval(),
                settings.interval(),
                settings.notifiedInterval(),
                settings.recent(),
                settings.budget());
    }

    /**
     * The interval {@code resource} is polled at, budget aside.
     *
     * @param newestCached    when it was last fetched or read (see {@link Followed#recency}), or null
     * @param notifiedOf      whether notifications cover {@code resource}
     * @param accountNotified whether notifications follow the account at all (its messages are covered)
     */
    Duration interval(
            SyncResource resource, Instant newestCached, boolean notifiedOf, boolean accountNotified, Instant now) {
        if (notifiedOf) {
            return notified;
        }
        if (accountNotified || resource.kind() == SyncKind.MAIL_FOLDERS) {
            return normal;
        }
        boolean recentlyRead =
                newestCached != null && !newestCached.plus(recent).isBefore(now);
        return inbox(resource) || recentlyRead ? hot : normal;
    }

    /**
     * The intervals of an account's {@code followed} resources, within the budget. With the budget met
     * (or 0: none), each is {@link #interval}; otherwise they are stretched as the class says.
     */
    Map<SyncResource, Duration> intervals(List<Followed> followed, boolean accountNotified, Instant now) {
        Map<SyncResource, Duration> wanted = new LinkedHashMap<>();
        followed.forEach(f ->
                wanted.put(f.resource(), interval(f.resource(), f.recency(), f.notifiedOf(), accountNotified, now)));
        double cost = wanted.values().stream().mapToDouble(PollingPlan::rate).sum();
        if (budget <= 0 || cost <= budget) {
            return wanted;
        }
        List<Followed> order = new ArrayList<>(followed);
        order.sort(Comparator.comparing((Followed f) -> !inbox(f.resource()))
                .thenComparing(Followed::recency, Comparator.nullsLast(Comparator.reverseOrder())));
        Map<SyncResource, Double> rates = new LinkedHashMap<>();
        order.forEach(f -> rates.put(f.resource(), Math.min(rate(notified), rate(wanted.get(f.resource())))));
        Budget left = new Budget(budget
                - rates.values().stream().mapToDouble(Double::doubleValue).sum());
        order.stream()
                .filter(f -> inbox(f.resource()))
                .forEach(f -> left.raise(rates, f.resource(), rate(wanted.get(f.resource()))));
        order.stream()
                .filter(f -> f.readWithin(normal, now))
                .forEach(f -> left.raise(rates, f.resource(), rate(wanted.get(f.resource()))));
        order.forEach(f -> left.raise(rates, f.resource(), Math.min(rate(normal), rate(wanted.get(f.resource())))));
        order.forEach(f -> left.raise(rates, f.resource(), rate(wanted.get(f.resource()))));
        Map<SyncResource, Duration> planned = new LinkedHashMap<>();
        followed.forEach(f ->
                planned.put(f.resource(), Duration.ofMillis(Math.round(WINDOW.toMillis() / rates.get(f.resource())))));
        return planned;
    }

    /** True when a round is due: none since start-up, or the last one (completed or failed) an interval ago. */
    boolean due(Optional<Instant> lastSync, Duration interval, Instant now) {
        return lastSync.map(at -> !at.plus(interval).isAfter(now)).orElse(true);
    }

    /** The shorter of two intervals. */
    static Duration shorter(Duration one, Duration other) {
        return one.compareTo(other) <= 0 ? one : other;
    }

    private static boolean inbox(SyncResource resource) {
        return resource.kind() == SyncKind.MESSAGES && resource.scope().equalsIgnoreCase("inbox");
    }

    /** Rounds a {@link #WINDOW} at {@code interval}. */
    private static double rate(Duration interval) {
        return (double) WINDOW.toMillis() / Math.max(1, interval.toMillis());
    }

    /** What is left of the budget while rates are raised. */
    private static final class Budget {
        private double left;

        Budget(double left) {
            this.left = left;
        }

        /** Raises the rate of {@code resource} towards {@code target} as far as what is left allows. */
        void raise(Map<SyncResource, Double> rates, SyncResource resource, double target) {
            double grant = Math.min(Math.max(0, target - rates.get(resource)), Math.max(0, left));
            rates.merge(resource, grant, Double::sum);
            left -= grant;
        }
    }
}
