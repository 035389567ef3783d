package org.m365mcp.mcp;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * The response the MCP SDK writes to, turning every error status it sets into a JSON-RPC error answer:
 * the SDK's own error bodies (its {@code McpError} serialized with the stack trace) and the container's
 * HTML error pages never reach the client.
 *
 * <ul>
 *   <li>On the first {@code setStatus} of 400 or more, or any {@code sendError}, the answer for that
 *       status is written; whatever the SDK writes afterwards is discarded.</li>
 *   <li>Successful answers (200, 202, event streams) pass through untouched.</li>
 *   <li>One request's response: used by one thread at a time, as the servlet container does.</li>
 * </ul>
 */
final class JsonRpcErrorResponse extends HttpServletResponseWrapper {

    private final IntFunction<McpErrorAnswer> answerFor;
    private volatile boolean answered;

    /** @param answerFor the answer to send for an error status the SDK set */
    JsonRpcErrorResponse(HttpServletResponse response, IntFunction<McpErrorAnswer> answerFor) {
        super(response);
        this.answerFor = Objects.requireNonNull(answerFor, "answerFor");
    }

    @Override
    public void setStatus(int status) {
        if (answered) {
            return;
        }
        if (status >= 400 && !isCommitted()) {
            try {
                answer(status);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        super.setStatus(status);
    }

    @Override
    public void sendError(int status) throws IOException {
        sendError(status, null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        if (answered) {
            return;
        }
        if (isCommitted()) {
            super.sendError(status);
            return;
        }
        answer(status);
    }

    @Override
    public void setContentType(String type) {
        if (!answered) {
            super.setContentType(type);
        }
    }

    @Override
    public void setCharacterEncoding(String charset) {
        if (!answered) {
            super.setCharacterEncoding(charset);
        }
    }

    @Override
    public void setContentLength(int length) {
        if (!answered) {
            super.setContentLength(length);
        }
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        return answered ? new PrintWriter(OutputStream.nullOutputStream()) : super.getWriter();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        return answered ? new DiscardingStream() : super.getOutputStream();
    }

    private void answer(int status) throws IOException {
        answered = true;
        HttpServletResponse response = (HttpServletResponse) getResponse();
        response.resetBuffer();
        answerFor.apply(status).write(response);
    }

    private static final class DiscardingStream extends ServletOutputStream {
        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("no asynchronous writes after an error answer");
        }

        @Override
        public void write(int b) {
            // the error answer is already sent
        }
    }
}
