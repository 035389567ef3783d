package org.m365mcp.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageDetailPatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String detail(String subject, boolean read, String flag) {
        return "{\"account_id\":\"demo\",\"id\":\"m1\",\"etag\":\"W/\\\"old\\\"\",\"subject\":\"" + subject + "\","
                + "\"from\":\"Adele <adele@contoso.sandbox>\",\"to\":[\"megan@contoso.sandbox\"],"
                + "\"received_at\":\"2026-12-01T09:00:00Z\",\"is_read\":" + read + ",\"is_draft\":false,"
                + "\"importance\":\"normal\"" + (flag == null ? "" : ",\"flag\":\"" + flag + "\"")
                + ",\"body_format\":\"text\",\"body\":\"Hi there\",\"body_truncated\":false}";
    }

    private static MessageState reported(String subject, boolean read, String flagStatus, String etag)
            throws Exception {
        return MessageState.of(DeltaChange.of(JSON.readTree("{\"id\":\"m1\","
                        + (etag == null ? "" : "\"@odata.etag\":\"" + etag.replace("\"", "\\\"") + "\",")
                        + "\"subject\":\"" + subject + "\",\"isRead\":" + read + ",\"isDraft\":false,"
                        + "\"flag\":{\"flagStatus\":\"" + flagStatus + "\"},"
                        + "\"from\":{\"emailAddress\":{\"name\":\"Adele\",\"address\":\"adele@contoso.sandbox\"}},"
                        + "\"receivedDateTime\":\"2026-12-01T09:00:00Z\",\"bodyPreview\":\"Hi\","
                        + "\"hasAttachments\":false,\"importance\":\"normal\",\"categories\":[]}")))
                .orElseThrow();
    }

    @Test
    void apply_aFlagSetElsewhere_setsTheFlagReadStateAndEtag_keepingTheBody() throws Exception {
        byte[] cached = bytes(detail("Lunch", false, null));

        JsonNode patched =
                JSON.readTree(MessageDetailPatch.apply(cached, reported("Lunch", true, "flagged", "W/\"new\""))
                        .orElseThrow());

        assertThat(patched.path("flag").asText()).isEqualTo("flagged");
        assertThat(patched.path("is_read").asBoolean()).isTrue();
        assertThat(patched.path("etag").asText()).isEqualTo("W/\"new\"");
        assertThat(patched.path("body").asText()).isEqualTo("Hi there");
    }

    @Test
    void apply_aFlagClearedElsewhere_removesTheFlag() throws Exception {
        byte[] cached = bytes(detail("Lunch", true, "flagged"));

        JsonNode patched =
                JSON.readTree(MessageDetailPatch.apply(cached, reported("Lunch", true, "notFlagged", "W/\"new\""))
                        .orElseThrow());

        assertThat(patched.has("flag")).isFalse();
    }

    @Test
    void apply_cannotCorrect_whenAnythingElseShownChanged_orTheNewEtagIsUnknown() throws Exception {
        byte[] cached = bytes(detail("Lunch", false, null));

        assertThat(MessageDetailPatch.apply(cached, reported("Dinner", true, "flagged", "W/\"new\"")))
                .isEmpty();
        assertThat(MessageDetailPatch.apply(cached, reported("Lunch", true, "flagged", null)))
                .isEmpty();
        assertThat(MessageDetailPatch.apply(bytes("not json"), reported("Lunch", true, "flagged", "W/\"new\"")))
                .isEmpty();
    }

    @Test
    void apply_nothingChanged_givesTheSameBytes() throws Exception {
        byte[] cached = bytes(detail("Lunch", true, "flagged").replace("W/\\\"old\\\"", "W/\\\"same\\\""));

        assertThat(MessageDetailPatch.apply(cached, reported("Lunch", true, "flagged", "W/\"same\"")))
                .hasValueSatisfying(same -> assertThat(same).isSameAs(cached));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
