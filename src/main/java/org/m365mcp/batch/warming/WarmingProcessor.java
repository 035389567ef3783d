package org.m365mcp.batch.warming;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.m365mcp.cache.annotation.CacheProbe;
import org.m365mcp.mcp.BoundToolCall;
import org.m365mcp.mcp.ToolRegistry;

/**
 * Warms one item through the tool itself: the same CDI bean the MCP endpoint calls, so the
 * {@code @CacheResult} interceptor fetches from Graph and stores the result in both cache tiers.
 *
 * <ul>
 *   <li>An entry that is already fresh is filtered (no call, no wait) and recorded as {@code fresh}.</li>
 *   <li>Otherwise the call runs with {@code force_refresh=true}: it reaches Graph now and replaces a
 *       stale entry instead of serving it.</li>
 *   <li>A failing call becomes {@link WarmingFailedException}, which the job skips; a Graph or tool error
 *       is logged in one line, anything unexplained with its stack.</li>
 *   <li>After a call, warmed or failed, the reader waits the entry's plan wait before the next item.</li>
 * </ul>
 */
@Named
@Dependent
public class WarmingProcessor implements ItemProcessor {

    private static final Logger LOG = Logger.getLogger(WarmingProcessor.class.getName());

    @Inject
    ToolRegistry tools;

    @Inject
    CacheProbe probe;

    @Inject
    WarmingLedger ledger;

    @Inject
    StepContext step;

    @Inject
    Clock clock;

    @Override
    public Object processItem(Object item) throws WarmingFailedException {
        WarmingItem warming = (WarmingItem) item;
        String operation = warming.entry().operation();
        BoundToolCall call;
        try {
            call = tools.bind(operation, warming.toolArguments(false));
        } catch (RuntimeException e) {
            throw new WarmingFailedException(warming, tools.describe(e));
        }
        if (!CacheProbe.isCached(call.method())) {
            throw new WarmingFailedException(warming, "not a cached read tool");
        }
        boolean fresh;
        try {
            fresh = probe.isFresh(call.method(), call.arguments());
        } catch (RuntimeException e) {
            // The store may be busy or re-keying: this item is skipped, never the end of the job.
            throw new WarmingFailedException(warming, tools.describe(e));
        }
        if (fresh) {
            ledger.record(step, ItemOutcome.of(warming, ItemOutcome.FRESH, clock.instant(), null, null));
            return null;
        }
        Instant start = clock.instant();
        try {
            tools.bind(operation, warming.toolArguments(true)).invoke();
        } catch (Exception e) {
            String why = tools.describe(e);
            if (tools.explains(e)) {
                LOG.info(() -> "Cache warming: " + operation + " for " + warming.accountId() + " skipped: " + why);
            } else {
                LOG.log(
                        Level.WARNING,
                        e,
                        () -> "Cache warming: " + operation + " for " + warming.accountId() + " failed: " + why);
            }
            // A failed call most likely reached Graph too (a 429 after retries, say): it pauses as a warmed one does.
            ledger.throttleUntil(step, clock.instant().plus(warming.entry().pause()));
            throw new WarmingFailedException(warming, why);
        }
        Instant end = clock.instant();
        ledger.throttleUntil(step, end.plus(warming.entry().pause()));
        return ItemOutcome.of(warming, ItemOutcome.WARMED, end, end.toEpochMilli() - start.toEpochMilli(), null);
    }
}
