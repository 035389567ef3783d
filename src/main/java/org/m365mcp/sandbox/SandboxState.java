package org.m365mcp.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.m365mcp.sandbox.faults.FaultRules;

/**
 * The sandbox's mutable run-time state: its simulated latency, the injected faults and the
 * request counter.
 *
 * <ul>
 *   <li>Latency starts at {@code m365.sandbox.latency-ms} (default 0) and can be changed at run time
 *       through {@code PUT /sandbox/_admin/latency}.
 *   <li>Thread-safe. Methods are public so CDI's client proxy can always forward them.
 * </ul>
 */
@ApplicationScoped
public class SandboxState {

    private final AtomicLong latencyMs = new AtomicLong();
    private final RequestCounter requests = new RequestCounter();
    private final FaultRules faults = new FaultRules();

    /** For CDI's client proxy only. */
    protected SandboxState() {}

    @Inject
    public SandboxState(@ConfigProperty(name = "m365.sandbox.latency-ms", defaultValue = "0") long latencyMs) {
        setLatency(Duration.ofMillis(latencyMs));
    }

    public Duration latency() {
        return Duration.ofMillis(latencyMs.get());
    }

    /** Sets the delay added to every Graph request; negative is rejected. */
    public void setLatency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
        latencyMs.set(latency.toMillis());
    }

    public RequestCounter requests() {
        return requests;
    }

    /** Per-endpoint faults and latency, set through {@code /sandbox/_admin/faults}. */
    public FaultRules faults() {
        return faults;
    }
}
