package org.m365mcp.sandbox.delta;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One account's change logs, one per {@link ChangeFamily}, and whoever listens to its changes
 * (change notifications).
 *
 * <ul>
 *   <li>Listeners are called on the recording thread, with the store's lock held: they must only hand the
 *       change on (e.g. to an executor), never block.
 *   <li>Thread-safe.
 * </ul>
 */
public final class AccountChanges implements ChangeRecorder {

    /** A recorded change with the account and family it belongs to, as listeners see it. */
    public record Recorded(String accountId, ChangeFamily family, Change change) {}

    private final String accountId;
    private final Map<ChangeFamily, ChangeLog> logs = new EnumMap<>(ChangeFamily.class);
    private final List<Consumer<Recorded>> listeners = new CopyOnWriteArrayList<>();

    public AccountChanges(String accountId, Clock clock, DeltaSettings settings) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        for (ChangeFamily family : ChangeFamily.values()) {
            logs.put(family, new ChangeLog(clock, settings));
        }
    }

    public String accountId() {
        return accountId;
    }

    public ChangeLog log(ChangeFamily family) {
        return logs.get(family);
    }

    @Override
    public void record(ChangeFamily family, String container, String itemId, ChangeKind kind, ObjectNode tombstone) {
        Change change = logs.get(family).record(container, itemId, kind, tombstone);
        Recorded recorded = new Recorded(accountId, family, change);
        listeners.forEach(listener -> listener.accept(recorded));
    }

    /** Expires the delta tokens of {@code family}, or of every family when it is null. */
    public void expireTokens(ChangeFamily family) {
        logs.forEach((f, log) -> {
            if (family == null || family == f) {
                log.expireTokens();
            }
        });
    }

    /** Calls {@code listener} for every change recorded from now on. */
    public void addListener(Consumer<Recorded> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }
}
