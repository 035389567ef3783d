package org.m365mcp.batch;

import jakarta.batch.runtime.Metric;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The batch API's {@link Date}s and {@link Metric}s as this application shows them. */
final class Dates {

    private Dates() {}

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /** Metrics by lower-case name: {@code read_count}, {@code process_skip_count}, ... */
    static Map<String, Long> metrics(Metric[] metrics) {
        Map<String, Long> byName = new TreeMap<>();
        if (metrics != null) {
            for (Metric metric : metrics) {
                byName.put(metric.getType().name().toLowerCase(Locale.ROOT), metric.getValue());
            }
        }
        return byName;
    }
}
