package org.m365mcp.batch.warming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a warming step's {@link WarmingProgress} in its {@link StepContext}: live in the transient
 * user data, and as JSON text in the persistent user data, which the batch runtime saves with every
 * checkpoint and hands to a restarted run.
 *
 * <ul>
 *   <li>The latest progress of recent warming steps is also kept here by step execution id, so a
 *       running step's progress is visible at once, whenever the runtime writes its user data.</li>
 *   <li>JSON text rather than a serialized object: the job repository then never needs this
 *       application's classes to read a step back.</li>
 *   <li>Stateless; the step's artifacts run on one thread, so no locking is needed.</li>
 * </ul>
 */
@ApplicationScoped
public class WarmingLedger {

    /** Recent steps kept in memory: far more than one server runs at once. */
    private static final int RECENT_STEPS = 32;

    @Inject
    ObjectMapper json;

    private final Map<Long, WarmingProgress> recent =
            Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, WarmingProgress> eldest) {
                    return size() > RECENT_STEPS;
                }
            });

    /** A step's progress: as it is now if the step ran in this server, else as persisted; empty for none. */
    public Optional<WarmingProgress> current(long stepExecutionId, Serializable persistent) {
        WarmingProgress live = recent.get(stepExecutionId);
        return live != null ? Optional.of(live) : read(persistent);
    }

    /** The step's progress: live, else carried over from a stopped run, else none. */
    public WarmingProgress progress(StepContext step) {
        return live(step).progress;
    }

    /** The instant before which the next call must not start (the plan's wait); null for none. */
    Instant notBefore(StepContext step) {
        return live(step).notBefore;
    }

    void throttleUntil(StepContext step, Instant notBefore) {
        live(step).notBefore = notBefore;
    }

    void planned(StepContext step, Map<String, Integer> planned) {
        save(step, progress(step).withPlanned(planned));
    }

    void record(StepContext step, ItemOutcome outcome) {
        save(step, progress(step).with(outcome));
    }

    /** Progress read back from a step's persistent user data; empty when it holds none. */
    public Optional<WarmingProgress> read(Serializable persistent) {
        if (!(persistent instanceof String text) || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(text, WarmingProgress.class));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private Live live(StepContext step) {
        if (step.getTransientUserData() instanceof Live live) {
            return live;
        }
        Live live = new Live(read(step.getPersistentUserData()).orElse(WarmingProgress.NONE));
        step.setTransientUserData(live);
        return live;
    }

    private void save(StepContext step, WarmingProgress progress) {
        live(step).progress = progress;
        recent.put(step.getStepExecutionId(), progress);
        try {
            step.setPersistentUserData(json.writeValueAsString(progress));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Warming progress cannot be written as JSON", e);
        }
    }

    /** The step's live state, in its transient user data. */
    private static final class Live {
        private WarmingProgress progress;
        private Instant notBefore;

        Live(WarmingProgress progress) {
            this.progress = progress;
        }
    }
}
