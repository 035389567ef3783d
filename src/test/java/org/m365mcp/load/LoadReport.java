package org.m365mcp.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.m365mcp.load.LoadTools.Series;

/**
 * The figures of one load run, as a markdown table for the console and as JSON for the record.
 *
 * @param loadAverages the 1-minute load average sampled every 15 s during the run
 * @param cacheStats   {@code cache_get_stats} at the end of the run (warm-up and timed series included)
 */
record LoadReport(
        Machine start,
        Machine end,
        List<Double> loadAverages,
        Settings settings,
        ToolFigures emailList,
        ToolFigures emailGet,
        List<SessionFigures> sessions,
        Map<String, Object> cacheStats) {

    /**
     * What the run was asked for.
     *
     * @param latencyMs added by the sandbox to every Graph request
     */
    record Settings(int latencyMs, int cachedCalls, int uncachedCalls) {}

    /** One tool timed uncached ({@code force_refresh}) and cached, with the Graph requests each series made. */
    record ToolFigures(
            String tool, Series uncached, long uncachedGraphRequests, Series cached, long cachedGraphRequests) {}

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%nSandbox latency %d ms per Graph request; %s, nproc %d; load average %s"
                        + " at the start, %s at the end, 1-minute samples %s%n%n",
                settings.latencyMs(),
                start.cpu(),
                start.nproc(),
                start.loadAverage(),
                end.loadAverage(),
                loadAverages));
        out.append(
                "| tool | calls | Graph requests | p50 (ms) | p95 (ms) | p99 (ms) | mean (ms) | min–max (ms) | cache states |\n");
        out.append("|---|--:|--:|--:|--:|--:|--:|--:|---|\n");
        for (ToolFigures tool : new ToolFigures[] {emailList, emailGet}) {
            row(out, tool.tool() + " uncached (`force_refresh`)", tool.uncached(), tool.uncachedGraphRequests());
            row(out, tool.tool() + " cached", tool.cached(), tool.cachedGraphRequests());
        }
        out.append(
                "\n| session | replay | calls | wall time (s) | Graph requests | saved | hit rate | repeated reads hit"
                        + " | cache states |\n|---|---|--:|--:|--:|--:|--:|--:|---|\n");
        for (SessionFigures session : sessions) {
            String name = session.script() + " (" + session.account() + ")";
            for (int i = 0; i < session.cached().size(); i++) {
                SessionFigures.CachedPass pass = session.cached().get(i);
                SessionReplay.Result replay = pass.replay();
                out.append(String.format(
                        Locale.ROOT,
                        "| %s | cached, %s | %d | %.1f | %d | %.1f %% | %.1f %% | %d of %d | %s |%n",
                        name,
                        i == 0 ? "cold" : "replay " + (i + 1),
                        replay.calls(),
                        replay.wallMs() / 1000,
                        replay.graphRequests(),
                        pass.graphCallsSaved() * 100,
                        pass.statsHitRate() * 100,
                        replay.repeatedHits(),
                        replay.repeatedReads(),
                        replay.states()));
            }
            SessionReplay.Result uncached = session.uncached();
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | `use_cache: false` | %d | %.1f | %d | | | | %s |%n",
                    name,
                    uncached.calls(),
                    uncached.wallMs() / 1000,
                    uncached.graphRequests(),
                    uncached.states()));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String label, Series series, long graphRequests) {
        Timings t = series.timings();
        out.append(String.format(
                Locale.ROOT,
                "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f–%.1f | %s |%n",
                label,
                t.calls(),
                graphRequests,
                t.p50Ms(),
                t.p95Ms(),
                t.p99Ms(),
                t.meanMs(),
                t.minMs(),
                t.maxMs(),
                series.states()));
    }

    void writeJson(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), this);
    }
}
