/**
 * ETag revalidation: a stale cached answer that carries its item's ETag is checked with one
 * conditional GET ({@code If-None-Match}) instead of being fetched again
 * ({@link org.m365mcp.sync.etag.DriveItemRevalidator} for {@code file_get}).
 */
package org.m365mcp.sync.etag;
