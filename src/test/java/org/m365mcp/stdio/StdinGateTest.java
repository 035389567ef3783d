package org.m365mcp.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.m365mcp.mcp.RunningCalls;

class StdinGateTest {

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
    private static final String INITIALIZED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final AtomicInteger ended = new AtomicInteger();
    private final RunningCalls calls = new RunningCalls();

    private List<String> gate(byte[] stdin) throws Exception {
        StdinGate gate = new StdinGate(
                new ByteArrayInputStream(stdin),
                new StdoutLines(stdout),
                new JacksonMcpJsonMapper(new ObjectMapper()),
                calls,
                ended::incrementAndGet);
        gate.run();
        return List.of(new String(gate.transportInput().readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    }

    private List<String> answered() {
        return stdout.size() == 0
                ? List.of()
                : List.of(stdout.toString(StandardCharsets.UTF_8).split("\n"));
    }

    @Test
    void jsonRpcLines_passToTheTransport_andTheEndOfStdinIsToldOnce() throws Exception {
        List<String> passed = gate((PING + "\n\n" + INITIALIZED).getBytes(StandardCharsets.UTF_8));

        assertThat(passed).containsExactly(PING, INITIALIZED);
        assertThat(answered()).isEmpty();
        assertThat(ended).hasValue(1);
    }

    @Test
    void aLineThatIsNotJson_isAnsweredWithAParseError_andTheNextLineStillPasses() throws Exception {
        List<String> passed = gate(("this is not JSON\n" + PING + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(passed).containsExactly(PING);
        assertThat(answered())
                .containsExactly("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,"
                        + "\"message\":\"Parse error: the line is not JSON\"}}");
    }

    @Test
    void jsonThatIsNotJsonRpc_isAnInvalidRequest_answeredWithItsIdWhereItHasOne() throws Exception {
        List<String> passed = gate(("{\"id\":7}\n[1,2]\n" + PING + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(passed).containsExactly(PING);
        assertThat(answered()).hasSize(2);
        assertThat(answered().get(0)).startsWith("{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32600,");
        assertThat(answered().get(1)).startsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,");
    }

    @Test
    void aLineLongerThanTheLimit_isSkippedToItsEnd_andAnsweredAsInvalid() throws Exception {
        byte[] huge = new byte[StdinGate.MAX_LINE_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) 'x');
        ByteArrayOutputStream stdin = new ByteArrayOutputStream();
        stdin.write(huge);
        stdin.write(("\n" + PING + "\n").getBytes(StandardCharsets.UTF_8));

        List<String> passed = gate(stdin.toByteArray());

        assertThat(passed).containsExactly(PING);
        assertThat(answered()).singleElement().asString().contains("-32600").contains("longer than");
    }

    @Test
    void anAnswerOfTheGate_neverLandsInsideALineTheTransportIsWriting() throws Exception {
        StdoutLines lines = new StdoutLines(stdout);

        lines.write("{\"jsonrpc\":\"2.0\",".getBytes(StandardCharsets.UTF_8));
        lines.writeLine("{\"gate\":1}");
        lines.write("\"id\":1,\"result\":{}}".getBytes(StandardCharsets.UTF_8));
        lines.write('\n');

        assertThat(answered()).containsExactly("{\"gate\":1}", "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}");
    }

    @Test
    void aToolCall_passesStampedWithItsStdioKey() throws Exception {
        String call = "{\"jsonrpc\":\"2.0\",\"id\":\"c-1\",\"method\":\"tools/call\",\"params\":{\"name\":\"x\"}}";

        List<String> passed = gate((call + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(passed)
                .containsExactly("{\"jsonrpc\":\"2.0\",\"id\":\"c-1\",\"method\":\"tools/call\",\"params\":"
                        + "{\"name\":\"x\",\"_meta\":{\"org.m365mcp/call\":\"\\\"c-1\\\" stdio\"}}}");
    }

    @Test
    void aCancellationOfNoRunningCall_passesOnToTheTransport() throws Exception {
        String cancel = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":3}}";

        List<String> passed = gate((cancel + "\n" + PING + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(passed).containsExactly(cancel, PING);
        assertThat(answered()).isEmpty();
    }
}
