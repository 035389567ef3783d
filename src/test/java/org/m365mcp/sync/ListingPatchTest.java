package org.m365mcp.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A read state or flag changed elsewhere is patched into cached email_list pages when that is exact. */
class ListingPatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static String listed(String id, String subject, boolean read) {
        return "{\"id\":\"" + id + "\",\"subject\":\"" + subject + "\",\"from\":\"Adele <adele@contoso.sandbox>\","
                + "\"received_at\":\"2026-12-01T09:00:00Z\",\"preview\":\"Hi\",\"is_read\":" + read
                + ",\"has_attachments\":false,\"importance\":\"normal\",\"flagged\":false}";
    }

    static String page(String... messages) {
        return "{\"account_id\":\"demo\",\"folder\":\"inbox\",\"skip\":0,\"count\":" + messages.length
                + ",\"messages\":[" + String.join(",", messages) + "]}";
    }

    static DeltaChange reported(String id, String subject, boolean read, boolean draft) throws Exception {
        return DeltaChange.of(JSON.readTree("{\"id\":\"" + id + "\",\"subject\":\"" + subject + "\",\"isRead\":" + read
                + ",\"isDraft\":" + draft + ",\"flag\":{\"flagStatus\":\"notFlagged\"},"
                + "\"from\":{\"emailAddress\":{\"name\":\"Adele\",\"address\":\"adele@contoso.sandbox\"}},"
                + "\"receivedDateTime\":\"2026-12-01T09:00:00Z\",\"bodyPreview\":\"Hi\",\"hasAttachments\":false,"
                + "\"importance\":\"normal\",\"categories\":[]}"));
    }

    private static MessageState state(DeltaChange change) {
        return MessageState.of(change).orElseThrow();
    }

    @Test
    void patchable_aListedMessageReadElsewhere_andNothingElseOfIt() throws Exception {
        List<JsonNode> pages = List.of(JSON.readTree(page(listed("m1", "Lunch", false))));

        assertThat(ListingPatch.patchable(state(reported("m1", "Lunch", true, false)), pages))
                .isTrue();
    }

    @Test
    void patchable_not_whenSomethingElseChanged_itIsListedNowhere_orNothingShownChanged() throws Exception {
        List<JsonNode> pages = List.of(JSON.readTree(page(listed("m1", "Lunch", false))));

        assertThat(ListingPatch.patchable(state(reported("m1", "Dinner", true, false)), pages))
                .isFalse();
        assertThat(ListingPatch.patchable(state(reported("m2", "Lunch", true, false)), pages))
                .isFalse();
        assertThat(ListingPatch.patchable(state(reported("m1", "Lunch", false, false)), pages))
                .isFalse();
    }

    @Test
    void state_none_forADraft_aRemoval_orALinkThatSelectsTooLittle() throws Exception {
        assertThat(MessageState.of(reported("m1", "Lunch", true, true))).isEmpty();
        assertThat(MessageState.of(DeltaChange.of(JSON.readTree("{\"id\":\"m1\",\"@removed\":{}}"))))
                .isEmpty();
        assertThat(MessageState.of(DeltaChange.of(
                        JSON.readTree("{\"id\":\"m1\",\"isRead\":true,\"flag\":{\"flagStatus\":\"flagged\"}}"))))
                .isEmpty();
    }

    @Test
    void apply_correctsTheMessage_andLeavesTheRestOfThePageAsItWas() throws Exception {
        byte[] cached =
                page(listed("m1", "Lunch", false), listed("m2", "Other", false)).getBytes(StandardCharsets.UTF_8);

        byte[] patched = ListingPatch.apply(cached, Map.of("m1", state(reported("m1", "Lunch", true, false))))
                .orElseThrow();

        assertThat(JSON.readTree(patched))
                .isEqualTo(JSON.readTree(page(listed("m1", "Lunch", true), listed("m2", "Other", false))));
    }

    @Test
    void apply_sameBytes_forAPageWithoutTheMessage() throws Exception {
        byte[] cached = page(listed("m2", "Other", false)).getBytes(StandardCharsets.UTF_8);

        assertThat(ListingPatch.apply(cached, Map.of("m1", state(reported("m1", "Lunch", true, false)))))
                .hasValueSatisfying(bytes -> assertThat(bytes).isSameAs(cached));
    }

    @Test
    void apply_none_forAPageWithBodies_orShowingTheMessageOtherwise() throws Exception {
        Map<String, MessageState> read = Map.of("m1", state(reported("m1", "Lunch", true, false)));
        String withBody = listed("m1", "Lunch", false).replace("}", ",\"body\":\"Hi there\"}");

        assertThat(ListingPatch.apply(page(withBody).getBytes(StandardCharsets.UTF_8), read))
                .isEmpty();
        assertThat(ListingPatch.apply(
                        page(listed("m1", "Older subject", false)).getBytes(StandardCharsets.UTF_8), read))
                .isEmpty();
    }
}
