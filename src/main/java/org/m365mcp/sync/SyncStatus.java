package org.m365mcp.sync;

import java.time.Instant;
import java.util.Optional;

/**
 * Where one synced resource of one account stands, for {@code cache_get_stats} and the console.
 *
 * @param accountId  the account
 * @param resource   the resource's name, e.g. {@code messages:inbox}
 * @param mode       {@code notifications} when change notifications cover it, else {@code polling}
 * @param lastSync   when its last delta round completed, if one did since start-up
 * @param lag        how long ago that was, in seconds (empty before the first)
 * @param lastError  why the last round failed, if it did (no link, token or body in it)
 * @param changes    the changes applied to the cache since start-up
 */
public record SyncStatus(
        String accountId,
        String resource,
        String mode,
        Optional<Instant> lastSync,
        Optional<Long> lag,
        Optional<String> lastError,
        long changes) {}
