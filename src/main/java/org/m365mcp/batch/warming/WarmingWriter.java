package org.m365mcp.batch.warming;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Records the warmed items of a chunk in the step's progress; the results themselves were stored by
 * the cache interceptor when the tool ran.
 */
@Named
@Dependent
public class WarmingWriter extends AbstractItemWriter {

    @Inject
    WarmingLedger ledger;

    @Inject
    StepContext step;

    @Override
    public void writeItems(List<Object> items) {
        items.forEach(item -> ledger.record(step, (ItemOutcome) item));
    }
}
