/**
 * Keeping the cache current with what changes in Microsoft 365 outside this server: delta sync per
 * account and resource, the mapping of a change to the cache entries it affects, polling, and the
 * seams change notifications use ({@link org.m365mcp.sync.ChangeSignals},
 * {@link org.m365mcp.sync.NotificationCoverage}).
 */
package org.m365mcp.sync;
