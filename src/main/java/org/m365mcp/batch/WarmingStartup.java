package org.m365mcp.batch;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.m365mcp.background.ServingProbe;
import org.m365mcp.config.DurationText;

/**
 * Starts the {@value BatchJobs#WARMING} job when the application starts, unless
 * {@code m365.mcp.warming.on-startup=false}.
 *
 * <ul>
 *   <li>The start is handed to the managed executor and the job runs on the batch runtime's own
 *       threads: deployment, and so readiness, never waits for warming.</li>
 *   <li>That task first waits until the application is served ({@link ServingProbe}, at most
 *       {@code m365.mcp.warming.startup-wait}): the start-up event comes before Payara routes requests
 *       to the application, and in demo mode the Graph the job calls is this application.</li>
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
    @ConfigProperty(name = "m365.mcp.warming.startup-wait", defaultValue = "2m")
    String startupWait;

    @Inject
    BatchJobs jobs;

    @Inject
    ServingProbe serving;

    @Resource
    ManagedExecutorService executor;

    void warmAtStartup(@Observes @Initialized(ApplicationScoped.class) ServletContext application) {
        if (!onStartup) {
            LOG.info("Cache warming at start-up is off (m365.mcp.warming.on-startup=false)");
            return;
        }
        String contextPath = application.getContextPath();
        executor.execute(() -> {
            try {
                // Parsed here, not in the observer: a bad value must not fail the deployment.
                Duration wait = DurationText.parse("m365.mcp.warming.startup-wait", startupWait);
                if (!serving.awaitServing(contextPath, wait)) {
                    LOG.warning(
                            () -> "The application did not answer within " + wait + "; cache warming starts anyway");
                }
                long execution = jobs.start(BatchJobs.WARMING);
                LOG.info(() -> "Cache warming started in the background (execution " + execution + ")");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Cache warming could not start; the cache fills as tools are used", e);
            }
        });
    }
}
