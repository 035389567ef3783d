package org.m365mcp.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the machine's 1-minute load average every 15 s while the run goes on: the run shares two
 * cores with whatever else runs, and its figures are read against that. Thread-safe.
 */
final class LoadSampler implements AutoCloseable {

    private final List<Double> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "load-sampler");
        thread.setDaemon(true);
        return thread;
    });

    LoadSampler() {
        timer.scheduleAtFixedRate(this::sample, 0, 15, TimeUnit.SECONDS);
    }

    private void sample() {
        double load = Machine.oneMinuteLoad();
        synchronized (samples) {
            samples.add(load);
        }
    }

    /** The samples so far, oldest first. */
    List<Double> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
