package org.m365mcp.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * What the cache holds that the change mapping needs to see to be exact ({@link ChangeMapping}):
 * the calendar answers that cover a stretch of time, a folder's cached {@code email_list} pages, and
 * the cached answers that show folder counts.
 * Read once per delta round, when first asked.
 */
interface CachedState {

    /** Nothing known of the cache: every change drops as if anything cached could hold it. */
    CachedState UNKNOWN = new CachedState() {
        @Override
        public Optional<EventWindows> eventWindows() {
            return Optional.empty();
        }

        @Override
        public List<JsonNode> listings(String folder) {
            return List.of();
        }

        @Override
        public List<JsonNode> folderAnswers() {
            return List.of();
        }
    };

    /** The cached calendar answers and the event times known; empty when they could not be read. */
    Optional<EventWindows> eventWindows();

    /** The cached {@code email_list} pages of {@code folder}, as cached (snake case). */
    List<JsonNode> listings(String folder);

    /** The cached answers that show mail folders with their counts ({@link FolderCounts#OPERATIONS}), as cached. */
    List<JsonNode> folderAnswers();
}
