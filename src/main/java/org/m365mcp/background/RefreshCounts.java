package org.m365mcp.background;

/**
 * Background refreshes since start-up.
 *
 * @param scheduled handed to the executor
 * @param coalesced not submitted: one for the same key was already in flight
 * @param dropped   not submitted: the queue was full or the executor refused
 * @param completed ran and stored a new result
 * @param failed    threw; each became a {@code refresh} task for the worker to retry
 * @param queued    submitted and waiting to start now
 * @param joined    reads that found no entry, waited for its refresh in flight, and were answered by it
 */
public record RefreshCounts(
        long scheduled, long coalesced, long dropped, long completed, long failed, int queued, long joined) {}
