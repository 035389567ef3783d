package org.m365mcp.cache.entries;

/**
 * Response-time percentiles of one operation over a period, in milliseconds (nearest rank).
 *
 * @param samples how many calls they were taken from (at most the most recent 4096)
 */
public record LatencyPercentiles(double p50Ms, double p95Ms, double p99Ms, int samples) {}
