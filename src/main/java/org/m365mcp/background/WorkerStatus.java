package org.m365mcp.background;

import java.time.Duration;
import java.time.Instant;

/**
 * The task worker's state.
 *
 * @param running      started and not stopped
 * @param lastPoll     when it last looked at the queue; null before the first poll
 * @param completed    tasks it completed since start-up
 * @param failed       task runs that failed since start-up (each retried while retries are left)
 * @param pollInterval how often it polls
 */
public record WorkerStatus(boolean running, Instant lastPoll, long completed, long failed, Duration pollInterval) {}
