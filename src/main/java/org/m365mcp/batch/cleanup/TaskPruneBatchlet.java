package org.m365mcp.batch.cleanup;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.m365mcp.cache.store.CacheStore;
import org.m365mcp.config.DurationText;

/** Prunes completed and failed background tasks older than {@code m365.mcp.cleanup.task-retention} (24 h). */
@Named
@Dependent
public class TaskPruneBatchlet extends CleanupBatchlet {

    @Inject
    @ConfigProperty(name = "m365.mcp.cleanup.task-retention", defaultValue = "24h")
    String retention;

    @Override
    Map<String, Object> clean(CacheStore store) {
        int pruned = store.tasks().pruneCompleted(DurationText.parse("m365.mcp.cleanup.task-retention", retention));
        return Map.of("TASKS_PRUNED", pruned);
    }
}
