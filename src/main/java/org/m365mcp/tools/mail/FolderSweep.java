package org.m365mcp.tools.mail;

import java.util.List;
import java.util.function.Consumer;
import org.m365mcp.graph.GraphException;

/**
 * Applies one Graph write to each message of a folder, one after the other, for
 * {@code emailfolders_mark_all_as_read} and {@code emailfolders_empty}.
 *
 * <ul>
 *   <li>A message that is gone by the time it is reached (404) is counted as skipped.</li>
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

    private FolderSweep() {}

    static Outcome run(List<String> messageIds, Consumer<String> write) {
        int done = 0;
        int skipped = 0;
        for (String id : messageIds) {
            try {
                write.accept(id);
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
        return new Outcome(done, skipped, null);
    }
}
