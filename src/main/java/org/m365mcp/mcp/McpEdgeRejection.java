package org.m365mcp.mcp;

import java.util.Objects;

/** A request the MCP edge refuses, with the answer to send; carries no stack trace (it is no failure). */
final class McpEdgeRejection extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient McpErrorAnswer answer;

    McpEdgeRejection(McpErrorAnswer answer) {
        super(answer.message(), null, false, false);
        this.answer = Objects.requireNonNull(answer, "answer");
    }

    McpErrorAnswer answer() {
        return answer;
    }
}
