package org.m365mcp.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AnswerPatchTest {

    private static final byte[] ANSWER = "{\"id\":\"m1\",\"is_read\":false}".getBytes(StandardCharsets.UTF_8);

    @Test
    void apply_nothingToCorrect_sameBytes() {
        assertThat(AnswerPatch.apply(ANSWER, answer -> AnswerPatch.Outcome.SAME))
                .containsSame(ANSWER);
    }

    @Test
    void apply_corrected_theCorrectedTreeWritten() {
        byte[] corrected = AnswerPatch.apply(ANSWER, answer -> {
                    ((ObjectNode) answer).put("is_read", true);
                    return AnswerPatch.Outcome.CORRECTED;
                })
                .orElseThrow();

        assertThat(new String(corrected, StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"m1\",\"is_read\":true}");
    }

    @Test
    void apply_notExact_empty() {
        assertThat(AnswerPatch.apply(ANSWER, answer -> AnswerPatch.Outcome.NOT_EXACT))
                .isEmpty();
    }

    @Test
    void apply_unreadablePayload_emptyWithoutAskingTheCorrection() {
        byte[] broken = "{\"id\":".getBytes(StandardCharsets.UTF_8);

        assertThat(AnswerPatch.apply(broken, answer -> {
                    throw new AssertionError("not asked");
                }))
                .isEmpty();
    }
}
