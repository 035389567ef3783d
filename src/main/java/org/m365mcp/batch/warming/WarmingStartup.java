package org.m365mcp.batch.warming;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.m365mcp.batch.BatchJobs;

/**
 * Starts the {@value BatchJobs#WARMING} job when the application starts, unless
 * {@code m365.mcp.warming.on-startup=false}.
 *
 * <ul>
 *   <li>The start is handed to the managed executor and the job runs on the batch runtime's own
 *       threads: deployment, and so readiness, never waits for warming.</li>
 *   <li>A failure to start is logged; the server runs on with a cold cache.</li>
 * </ul>
 */
@ApplicationScoped
public class WarmingStartup {

    private static final Logger LOG = Logger.getLogger(WarmingStartup.class.getName());

    @Inject
    @ConfigProperty(name = "m365.mcp.warming.on-startup", defaultValue = "true")
    boolean onStartup;

    @Inject
    BatchJobs jobs;

    @Resource
    ManagedExecutorService executor;

    void warmAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!onStartup) {
            LOG.info("Cache warming at start-up is off (m365.mcp.warming.on-startup=false)");
            return;
        }
        executor.execute(() -> {
            try {
                long execution = jobs.start(BatchJobs.WARMING);
                LOG.info(() -> "Cache warming started in the background (execution " + execution + ")");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Cache warming could not start; the cache fills as tools are used", e);
            }
        });
    }
}
