package org.m365mcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunningCallsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RunningCalls calls = new RunningCalls();
    private final List<String> told = new ArrayList<>();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    /** The {@code _meta} the SDK would hand the tool handler for {@code call} once stamped in {@code session}. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> stamped(String session, String call) throws Exception {
        JsonNode message = json(call);
        assertThat(calls.stamp(session, message)).isTrue();
        return JSON.convertValue(message.at("/params/_meta"), Map.class);
    }

    private static String toolCall(String id) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"x\","
                + "\"_meta\":{\"progressToken\":\"p\",\"" + CallKey.META + "\":\"forged s-other\"}}}";
    }

    private static JsonNode cancel(String requestId) throws Exception {
        return json("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":" + requestId
                + ",\"reason\":\"user\"}}");
    }

    @Test
    void stamp_replacesAClientsOwnValue_andKeepsTheProgressToken() throws Exception {
        Map<String, Object> meta = stamped("s-1", toolCall("7"));

        assertThat(meta).containsEntry("progressToken", "p").containsEntry(CallKey.META, "7 s-1");
        assertThat(CallKey.stampedIn(meta)).contains(new CallKey("s-1", "7"));
    }

    @Test
    void stamp_leavesEverythingButAToolCallRequestInASession() throws Exception {
        assertThat(calls.stamp("s-1", json("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")))
                .isFalse();
        assertThat(calls.stamp(null, json(toolCall("7")))).isFalse();
        assertThat(calls.stamp("s-1", json("{\"jsonrpc\":\"2.0\",\"method\":\"tools/call\",\"params\":{}}")))
                .isFalse();
    }

    @Test
    void aCancellation_stopsTheCallItNames_atItsNextCheck_andItsReportsEnd() throws Exception {
        Map<String, Object> meta = stamped("s-1", toolCall("\"a b\""));
        RunningCall call = calls.start(meta, (done, total, message) -> told.add(message));
        call.report(1, 3L, "1 of 3");

        assertThat(calls.cancels("s-1", cancel("\"a b\""))).isTrue();

        assertThatThrownBy(call::stopIfCancelled).isInstanceOf(CallCancelledException.class);
        assertThatThrownBy(() -> call.report(2, 3L, "2 of 3")).isInstanceOf(CallCancelledException.class);
        assertThat(told).containsExactly("1 of 3");
    }

    @Test
    void aCancellation_neverReachesACallOfAnotherSession_orAnIdOfAnotherType() throws Exception {
        RunningCall call = calls.start(stamped("s-1", toolCall("7")), ToolProgress.NONE);

        assertThat(calls.cancels("s-2", cancel("7"))).isFalse();
        assertThat(calls.cancels("s-1", cancel("\"7\""))).isFalse();

        assertThat(call.isCancelled()).isFalse();
        call.stopIfCancelled();
    }

    @Test
    void aCancellationForACallThatEnded_isLeftToTheSdk_andTheCallIsForgotten() throws Exception {
        Map<String, Object> meta = stamped("s-1", toolCall("7"));
        RunningCall call = calls.start(meta, ToolProgress.NONE);
        calls.end(meta, call);

        assertThat(calls.size()).isZero();
        assertThat(calls.cancels("s-1", cancel("7"))).as("left to the SDK").isFalse();
        assertThat(call.isCancelled()).isFalse();
    }

    @Test
    void cancels_isFalseForAnyOtherMessage() throws Exception {
        assertThat(calls.cancels("s-1", json(toolCall("7")))).isFalse();
        assertThat(calls.cancels(
                        "s-1",
                        json("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"notifications/cancelled\",\"params\":{}}")))
                .as("a request of that name is the SDK's to refuse")
                .isFalse();
    }

    @Test
    void aCallWithoutAStamp_runsUnregistered() {
        RunningCall call = calls.start(null, ToolProgress.NONE);

        assertThat(calls.size()).isZero();
        call.report(1, null, "1 done");
    }
}
