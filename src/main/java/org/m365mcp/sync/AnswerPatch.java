package org.m365mcp.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * The frame every in-place correction of a cached answer shares: read the payload, let a
 * {@link Correction} change the tree, write it back — the same bytes when nothing changed, empty when
 * the payload cannot be read or corrected exactly (then the entry is dropped). Pure and thread-safe.
 */
final class AnswerPatch {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a correction did to an answer. */
    enum Outcome {
        /** Nothing in it needed correcting. */
        SAME,
        /** It was corrected in place. */
        CORRECTED,
        /** It cannot be corrected exactly. */
        NOT_EXACT
    }

    /** Corrects one answer's tree in place and says how that went. */
    @FunctionalInterface
    interface Correction {
        Outcome correct(JsonNode answer);
    }

    private AnswerPatch() {}

    /** {@code payload} (an answer as cached) corrected by {@code correction}. */
    static Optional<byte[]> apply(byte[] payload, Correction correction) {
        try {
            JsonNode answer = JSON.readTree(payload);
            return switch (correction.correct(answer)) {
                case SAME -> Optional.of(payload);
                case CORRECTED -> Optional.of(JSON.writeValueAsBytes(answer));
                case NOT_EXACT -> Optional.empty();
            };
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
