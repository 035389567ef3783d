package org.m365mcp.tools.mail;

import java.util.List;
import java.util.function.Consumer;
import org.m365mcp.graph.GraphException;
import org.m365mcp.mcp.CallCancelledException;
import org.m365mcp.mcp.ToolProgress;

/**
 * Applies one Graph write to each message of a folder, one after the other, for
 * {@code emailfolders_mark_all_as_read} and {@code emailfolders_empty}.
 *
 * <ul>
 *   <li>A message that is gone by the time it is reached (404) is counted as skipped.</li>
 *   <li>Progress is reported every {@value #REPORT_EVERY} messages and at the end ("12 of 40 messages
 *       marked as read").</li>
 *   <li>The client's cancellation is heeded before each message: no message is written after it. Like a
 *       Graph error it ends the sweep, with the messages already changed kept and said.</li>
 *   <li>Any other Graph error ends the sweep: when some messages were already changed the outcome
 *       says so (the caller answers normally, so the cache is still invalidated); when none were,
 *       the error is thrown as is.</li>
 * </ul>
 */
final class FolderSweep {

    /**
     * @param stoppedBy Graph's error that ended the sweep early, or null
     */
    record Outcome(int done, int skipped, String stoppedBy) {}

    static final int REPORT_EVERY = 10;

    private FolderSweep() {}

    /**
     * @param verb what was done to each message, for the progress message ("marked as read")
     */
    static Outcome run(List<String> messageIds, Consumer<String> write, ToolProgress progress, String verb) {
        int done = 0;
        int skipped = 0;
        long total = messageIds.size();
        for (int i = 0; i < total; i++) {
            try {
                if (i > 0 && i % REPORT_EVERY == 0) {
                    progress.report(i, total, i + " of " + total + " messages " + verb);
                }
                progress.stopIfCancelled();
            } catch (CallCancelledException e) {
                if (done == 0) {
                    throw e;
                }
                return new Outcome(done, skipped, e.getMessage());
            }
            try {
                write.accept(messageIds.get(i));
                done++;
            } catch (GraphException e) {
                if (e.isNotFound()) {
                    skipped++;
                } else if (done == 0) {
                    throw e;
                } else {
                    return new Outcome(done, skipped, e.getMessage());
                }
            }
        }
        progress.report(total, total, total + " of " + total + " messages " + verb);
        return new Outcome(done, skipped, null);
    }
}
