package org.m365mcp.batch.warming;

import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;

/** Records a skipped (failed) warming item in the step's progress, with why it failed. */
@Named
@Dependent
public class WarmingSkipListener implements SkipProcessListener {

    @Inject
    WarmingLedger ledger;

    @Inject
    StepContext step;

    @Inject
    Clock clock;

    @Override
    public void onSkipProcessItem(Object item, Exception failure) {
        WarmingItem warming = (WarmingItem) item;
        String why = failure instanceof WarmingFailedException failed
                ? failed.why()
                : failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        ledger.record(step, ItemOutcome.of(warming, ItemOutcome.FAILED, clock.instant(), null, why));
    }
}
