package org.m365mcp.sync;

import java.util.List;
import java.util.Objects;

/**
 * One complete delta round: what changed since its start link, and the link the next round starts
 * from.
 *
 * @param changes   the items reported, in Graph's order (an item may come more than once)
 * @param deltaLink the {@code @odata.deltaLink} of the last page (never logged)
 * @param requests  the Graph requests the round took
 */
public record DeltaRound(List<DeltaChange> changes, String deltaLink, int requests) {

    public DeltaRound {
        changes = List.copyOf(changes);
        Objects.requireNonNull(deltaLink, "deltaLink");
    }

    @Override
    public String toString() {
        return "DeltaRound[" + changes.size() + " changes, " + requests + " requests]";
    }
}
