package org.m365mcp.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Malformed MCP messages, drawn from a fixed seed so every run sends the same ones: broken bodies,
 * JSON-RPC envelopes with wrong members, params of the wrong shape, wrong headers, session ids and verbs.
 */
final class MalformedMessages {

    /** One request: verb, headers (name, value, ...) and body (null for none). */
    record Message(String verb, List<String> headers, String body) {

        String[] headerArray() {
            return headers.toArray(String[]::new);
        }

        @Override
        public String toString() {
            return verb + " " + headers + " " + (body == null ? "" : body.substring(0, Math.min(body.length(), 200)));
        }
    }

    private static final String[] METHODS = {
        "tools/list",
        "tools/call",
        "ping",
        "initialize",
        "resources/read",
        "prompts/get",
        "logging/setLevel",
        "completion/complete",
        "nope/nope",
        "",
        "notifications/initialized",
        "notifications/cancelled",
        "$/x",
        "tools/list\u0000"
    };
    private static final String[] VALUES = {
        "null",
        "true",
        "false",
        "0",
        "-1",
        "1.5",
        "1e400",
        "\"\"",
        "\"x\"",
        "[]",
        "[1,2]",
        "{}",
        "{\"a\":{}}",
        "\"\\u0000\"",
        "9223372036854775808",
        "[[[[[]]]]]",
        "\"" + "y".repeat(3000) + "\""
    };
    private static final String[] IDS = {
        "1", "\"a\"", "null", "1.5", "true", "{}", "[]", "-7", "\"\"", "1e3", "99999999999999999999999"
    };
    private static final String[] CONTENT_TYPES = {
        "application/json",
        "application/json; charset=utf-8",
        "text/plain",
        "application/json; charset=iso-8859-1",
        "application/jsonx",
        "multipart/form-data",
        "",
        "*/*",
        "application/x-www-form-urlencoded",
        "APPLICATION/JSON"
    };
    private static final String[] ACCEPTS = {
        McpWire.BOTH,
        "application/json",
        "text/event-stream",
        "*/*",
        "",
        "text/html",
        "application/json;q=0, text/event-stream"
    };
    private static final String[] VERSIONS = {
        "2025-06-18",
        "2025-03-26",
        "2025-11-25",
        "2024-11-05",
        "1999-01-01",
        "",
        "latest",
        "2025-06-18, 2025-03-26",
        "9999-99-99"
    };
    private static final String[] VERBS = {"PUT", "PATCH", "OPTIONS", "DELETE", "GET", "TRACE"};

    private final Random random;
    private final String session;

    MalformedMessages(long seed, String session) {
        this.random = new Random(seed);
        this.session = session;
    }

    /** {@code count} messages, about evenly spread over the categories. */
    List<Message> draw(int count) {
        List<Message> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(
                    switch (i % 8) {
                        case 0 -> brokenBody();
                        case 1 -> wrongEnvelope();
                        case 2 -> wrongParams();
                        case 3 -> wrongResponse();
                        case 4 -> wrongContentTypeOrAccept();
                        case 5 -> wrongProtocolVersion();
                        case 6 -> wrongSession();
                        default -> wrongVerb();
                    });
        }
        return messages;
    }

    private Message post(String body, String... extraHeaders) {
        List<String> headers = new ArrayList<>(
                List.of("Content-Type", McpWire.JSON, "Accept", McpWire.BOTH, "Mcp-Session-Id", session));
        headers.addAll(List.of(extraHeaders));
        return new Message("POST", headers, body);
    }

    private Message brokenBody() {
        String valid = "{\"jsonrpc\":\"2.0\",\"id\":" + pick(IDS) + ",\"method\":\"" + pick(METHODS) + "\"}";
        return post(
                switch (random.nextInt(9)) {
                    case 0 -> valid.substring(0, random.nextInt(valid.length()));
                    case 1 -> valid + pick(new String[] {" garbage", "}", "{}", "\n{\"a\":1}", ",", " 1"});
                    case 2 -> pick(VALUES);
                    case 3 -> "[" + valid + "," + valid + "]";
                    case 4 -> randomText(random.nextInt(64));
                    case 5 -> "{".repeat(2000) + "}".repeat(2000);
                    case 6 -> valid.replace("\"jsonrpc\":\"2.0\",", "\"jsonrpc\":\"2.0\",\"jsonrpc\":\"2.0\",");
                    case 7 -> "";
                    default -> "\uFEFF" + valid.replace(':', '=');
                });
    }

    private Message wrongEnvelope() {
        String jsonrpc = pick(new String[] {"\"1.0\"", "2.0", "\"2\"", "null", "\"2.0 \"", "{}", null});
        String id = pick(IDS);
        String method = pick(new String[] {"5", "null", "{}", "[]", "\"" + pick(METHODS) + "\"", null});
        StringBuilder body = new StringBuilder("{");
        if (jsonrpc != null) {
            body.append("\"jsonrpc\":").append(jsonrpc).append(',');
        }
        if (method != null) {
            body.append("\"method\":").append(method).append(',');
        }
        body.append("\"id\":").append(id);
        if (random.nextBoolean()) {
            body.append(",\"result\":").append(pick(VALUES));
        }
        return post(body.append('}').toString());
    }

    private Message wrongParams() {
        String method =
                pick(new String[] {"tools/call", "tools/call", "initialize", "tools/list", "ping", "logging/setLevel"});
        String params = random.nextInt(3) == 0
                ? pick(VALUES)
                : "{\"name\":" + pick(new String[] {"\"server_get_version\"", "\"email_list\"", "5", "null", "[]"})
                        + ",\"arguments\":" + pick(VALUES) + "}";
        return post("{\"jsonrpc\":\"2.0\",\"id\":" + (1 + random.nextInt(1000)) + ",\"method\":\"" + method
                + "\",\"params\":" + params + "}");
    }

    private Message wrongResponse() {
        String id = random.nextBoolean() ? pick(IDS) : "\"" + session + "-" + random.nextInt(5) + "\"";
        String member = pick(new String[] {
            "\"result\":" + pick(VALUES),
            "\"error\":" + pick(VALUES),
            "\"error\":{\"code\":-1,\"message\":\"m\"}",
            "\"result\":{},\"error\":{\"code\":1,\"message\":\"m\"}",
            "\"x\":1"
        });
        return post("{\"jsonrpc\":\"2.0\",\"id\":" + id + "," + member + "}");
    }

    private Message wrongContentTypeOrAccept() {
        List<String> headers = new ArrayList<>(List.of("Mcp-Session-Id", session));
        String type = pick(CONTENT_TYPES);
        String accept = pick(ACCEPTS);
        if (!type.isEmpty()) {
            headers.addAll(List.of("Content-Type", type));
        }
        if (!accept.isEmpty()) {
            headers.addAll(List.of("Accept", accept));
        }
        String body =
                random.nextBoolean() ? McpWire.INITIALIZE : "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}";
        return new Message("POST", headers, body);
    }

    private Message wrongProtocolVersion() {
        String body = random.nextBoolean()
                ? "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}"
                : "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
        return post(body, "MCP-Protocol-Version", pick(VERSIONS));
    }

    private Message wrongSession() {
        String id = pick(new String[] {
            "",
            " ",
            "nope",
            "00000000-0000-0000-0000-000000000000",
            session + "x",
            session.toUpperCase(),
            "x".repeat(4000),
            session + " " + session,
            "%00",
            "../" + session
        });
        String verb = pick(new String[] {"POST", "POST", "GET", "DELETE"});
        List<String> headers = new ArrayList<>(List.of(
                "Content-Type", McpWire.JSON, "Accept", verb.equals("GET") ? "text/event-stream" : McpWire.BOTH));
        if (!id.isBlank() || random.nextBoolean()) {
            headers.addAll(List.of("Mcp-Session-Id", id.isBlank() ? "-" : id));
        }
        return new Message(
                verb, headers, verb.equals("POST") ? "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\"}" : null);
    }

    private Message wrongVerb() {
        String verb = pick(VERBS);
        List<String> headers = new ArrayList<>(List.of("Content-Type", McpWire.JSON));
        // GET and DELETE in the fuzz session would open its stream or end it: those go without a session id
        if (!verb.equals("GET") && !verb.equals("DELETE")) {
            headers.addAll(List.of("Mcp-Session-Id", session));
        }
        headers.addAll(List.of("Accept", pick(new String[] {McpWire.BOTH, "text/event-stream", "text/html"})));
        return new Message(verb, headers, verb.equals("TRACE") || verb.equals("GET") ? null : pick(VALUES));
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextBoolean() ? 32 + random.nextInt(95) : random.nextInt(0x2FF)));
        }
        return text.toString();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
