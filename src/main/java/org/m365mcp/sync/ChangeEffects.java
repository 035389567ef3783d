package org.m365mcp.sync;

import java.util.List;
import java.util.Set;

/**
 * What one change does to the cache ({@link ChangeMapping}): entries dropped, messages whose new
 * read state or flag is patched into their folder's cached {@code email_list} pages instead, and
 * folders whose new counts are patched into the cached folder answers.
 *
 * @param stale   what is dropped
 * @param patches what is patched in place (empty but for a read state or flag change of a listed message)
 * @param counts  folder counts patched in place (empty but for a count change of a cached folder)
 * @param details messages whose cached {@code email_get} answers are patched rather than dropped
 *                ({@link MessageDetailPatch}; an answer that cannot be is dropped then)
 */
record ChangeEffects(
        Set<Invalidation> stale, List<MessageState> patches, List<FolderCounts> counts, List<MessageState> details) {

    ChangeEffects {
        stale = Set.copyOf(stale);
        patches = List.copyOf(patches);
        counts = List.copyOf(counts);
        details = List.copyOf(details);
    }
}
