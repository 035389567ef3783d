package org.m365mcp.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.m365mcp.config.DurationText;

/**
 * The delta sync's settings from MicroProfile Config; the defaults, documented, are in
 * {@code META-INF/microprofile-config.properties}. The fields start at those defaults, so an
 * instance made without CDI (a test) has them.
 */
@ApplicationScoped
public class SyncSettings {

    @Inject
    @ConfigProperty(name = "m365.mcp.sync.enabled")
    boolean enabled = true;

    @Inject
    @ConfigProperty(name = "m365.mcp.sync.hot-interval")
    String hotInterval = "30s";

    @Inject
    @ConfigProperty(name = "m365.mcp.sync.interval")
    String interval = "2m";

    @Inject
    @ConfigProperty(name = "m365.mcp.sync.notified-interval")
    String notifiedInterval = "30m";

    @Inject
    @ConfigProperty(name = "m365.mcp.sync.recent")
    String recent = "10m";

    @Inject
    @ConfigProperty(name = "m365.mcp.sync.budget")
    int budget = 45;

    @Inject
    @ConfigProperty(name = "m365.mcp.sync.tick")
    String tick = "1s";

    @Inject
    @ConfigProperty(name = "m365.mcp.sync.debounce")
    String debounce = "500ms";

    @Inject
    @ConfigProperty(name = "m365.mcp.sync.max-pages")
    int maxPages = 100;

    @Inject
    @ConfigProperty(name = "m365.mcp.sync.calendar-past-days")
    int calendarPastDays = 31;

    @Inject
    @ConfigProperty(name = "m365.mcp.sync.calendar-future-days")
    int calendarFutureDays = 366;

    /** Whether the cache is kept current by delta sync at all. */
    public boolean enabled() {
        return enabled;
    }

    /** How often the inbox and recently read resources are polled. */
    public Duration hotInterval() {
        return DurationText.parse("m365.mcp.sync.hot-interval", hotInterval);
    }

    /** How often the other synced resources are polled. */
    public Duration interval() {
        return DurationText.parse("m365.mcp.sync.interval", interval);
    }

    /** How often a resource that change notifications cover is polled all the same (a safety net). */
    public Duration notifiedInterval() {
        return DurationText.parse("m365.mcp.sync.notified-interval", notifiedInterval);
    }

    /** A resource with an entry cached this recently is polled at the hot interval. */
    public Duration recent() {
        return DurationText.parse("m365.mcp.sync.recent", recent);
    }

    /**
     * The polling rounds an account is planned at most a 10 minutes; past it the intervals stretch,
     * the inbox and the most recently read keeping theirs longest. 0: no budget.
     */
    public int budget() {
        return budget;
    }

    /** How often the poller looks for due resources. */
    public Duration tick() {
        return DurationText.parse("m365.mcp.sync.tick", tick);
    }

    /** How long change signals for one resource are gathered into one pull. */
    public Duration debounce() {
        return DurationText.parse("m365.mcp.sync.debounce", debounce);
    }

    /** The most pages one delta round may take; a longer round is abandoned (the link stays). */
    public int maxPages() {
        return maxPages;
    }

    /** The synced calendar window: from this many days before today … */
    public int calendarPastDays() {
        return calendarPastDays;
    }

    /** … to this many days after it. */
    public int calendarFutureDays() {
        return calendarFutureDays;
    }
}
