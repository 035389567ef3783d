package org.m365mcp.batch.warming;

import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Ends the warming step with an exit status that counts its items: {@code WARMED=4 FRESH=1 FAILED=1 TOTAL=6}. */
@Named
@Dependent
public class WarmingStepListener extends AbstractStepListener {

    @Inject
    WarmingLedger ledger;

    @Inject
    StepContext step;

    @Override
    public void afterStep() {
        WarmingProgress progress = ledger.progress(step);
        step.setExitStatus(
                "WARMED=" + progress.count(ItemOutcome.WARMED) + " FRESH=" + progress.count(ItemOutcome.FRESH)
                        + " FAILED=" + progress.count(ItemOutcome.FAILED) + " TOTAL=" + progress.total());
    }
}
