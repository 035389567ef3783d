package org.m365mcp.batch.warming;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.m365mcp.graph.auth.SignIn;
import org.m365mcp.graph.auth.SignedInAccount;

/**
 * Yields the warming plan's items for every signed-in account, in warming order
 * ({@link WarmingPlan#items}).
 *
 * <ul>
 *   <li>The checkpoint is the set of items finished ({@link WarmingCheckpoint}): a stopped or failed
 *       run restarts with the plan for the accounts signed in by then, without calling again what it
 *       finished, even when an account signed in or out in between.</li>
 *   <li>Before handing out the next item it waits out the pause the previous warmed item asked for
 *       ({@link WarmingProcessor}), so a finished item is committed, and visible, before the wait.</li>
 * </ul>
 */
@Named
@Dependent
public class WarmingPlanReader extends AbstractItemReader {

    @Inject
    WarmingPlan plan;

    @Inject
    SignIn signIn;

    @Inject
    WarmingLedger ledger;

    @Inject
    Throttle throttle;

    @Inject
    StepContext step;

    private List<WarmingItem> items;
    private int next;
    private WarmingCheckpoint finished;

    @Override
    public void open(Serializable checkpoint) {
        List<String> accounts =
                signIn.accounts().stream().map(SignedInAccount::id).toList();
        items = WarmingPlan.items(plan.entries(), accounts);
        finished = WarmingCheckpoint.of(checkpoint);
        next = 0;
        Map<String, Integer> planned = new TreeMap<>();
        items.forEach(item -> planned.merge(item.accountId(), 1, Integer::sum));
        finished.accountsOfFinishedOutside(items).forEach(account -> planned.merge(account, 1, Integer::sum));
        ledger.planned(step, planned);
    }

    @Override
    public Object readItem() {
        while (next < items.size() && finished.finished(items.get(next))) {
            next++;
        }
        if (next >= items.size()) {
            return null;
        }
        Instant notBefore = ledger.notBefore(step);
        if (notBefore != null) {
            throttle.waitUntil(notBefore);
        }
        WarmingItem item = items.get(next++);
        // One item per chunk: by the time the runtime asks for the checkpoint, this item is committed.
        finished = finished.with(item);
        return item;
    }

    @Override
    public Serializable checkpointInfo() {
        return finished.info();
    }
}
