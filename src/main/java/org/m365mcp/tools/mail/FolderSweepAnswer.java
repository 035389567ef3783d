package org.m365mcp.tools.mail;

/**
 * The answer of {@code emailfolders_mark_all_as_read} and {@code emailfolders_empty}: how many
 * messages were changed, whether more remain, and why it stopped early if it did.
 *
 * @param done          messages marked read, or deleted
 * @param skipped       messages that were gone by the time they were reached (404)
 * @param moreRemaining true when the folder held more than {@code max_messages}: call again
 * @param stoppedBy     Graph's error that ended the sweep early; null when it ran to the end
 */
public record FolderSweepAnswer(
        String accountId,
        String folderId,
        int done,
        int skipped,
        boolean moreRemaining,
        String stoppedBy,
        String message) {}
