package org.m365mcp.batch.warming;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The warming step's checkpoint: the items finished so far, by {@link WarmingItem#id} (operation and
 * account), not by position. A restart rebuilds the plan for the accounts signed in by then, so an
 * account that signed in or out in between shifts every position; by identity the restart still
 * skips exactly what was finished and warms everything else.
 *
 * <p>Kept in the job repository as a plain {@code String} (ids one per line), which the batch
 * runtime serialises without needing this application's classes. Immutable.
 */
public final class WarmingCheckpoint {

    public static final WarmingCheckpoint NONE = new WarmingCheckpoint(Set.of());

    private final Set<String> finished;

    private WarmingCheckpoint(Set<String> finished) {
        this.finished = Collections.unmodifiableSet(new LinkedHashSet<>(finished));
    }

    /** The checkpoint the runtime handed back on a restart; {@link #NONE} on a first run or an unreadable one. */
    public static WarmingCheckpoint of(Serializable saved) {
        if (!(saved instanceof String text) || text.isEmpty()) {
            return NONE;
        }
        return new WarmingCheckpoint(new LinkedHashSet<>(Arrays.asList(text.split("\n"))));
    }

    /** With {@code item} finished too. */
    public WarmingCheckpoint with(WarmingItem item) {
        Set<String> next = new LinkedHashSet<>(finished);
        next.add(item.id());
        return new WarmingCheckpoint(next);
    }

    public boolean finished(WarmingItem item) {
        return finished.contains(item.id());
    }

    /**
     * The account of each finished item that {@code items} no longer plans (its account signed out
     * before a restart): progress still counts it, so the run's total keeps covering what it did.
     */
    public List<String> accountsOfFinishedOutside(List<WarmingItem> items) {
        Set<String> planned = new HashSet<>();
        items.forEach(item -> planned.add(item.id()));
        return finished.stream()
                .filter(id -> !planned.contains(id))
                .map(id -> id.substring(id.indexOf('@') + 1))
                .toList();
    }

    /** What the runtime stores. */
    public Serializable info() {
        return String.join("\n", finished);
    }
}
