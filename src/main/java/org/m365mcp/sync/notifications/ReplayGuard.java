package org.m365mcp.sync.notifications;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the last {@value #CAPACITY} notification ids (Graph's optional {@code changeNotification.id}),
 * so that a notification delivered again is ignored. Notifications without an id cannot be told apart
 * from a new change of the same item; they only ask for a (debounced, idempotent) delta pull.
 * Bounded; thread-safe.
 */
final class ReplayGuard {

    static final int CAPACITY = 4096;

    private final Map<String, Boolean> seen = new LinkedHashMap<>(CAPACITY, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /** True the first time {@code subscriptionId}'s notification {@code id} is seen (and always for no id). */
    synchronized boolean firstTime(String subscriptionId, String id) {
        if (id == null) {
            return true;
        }
        return seen.put(subscriptionId + '\n' + id, Boolean.TRUE) == null;
    }
}
