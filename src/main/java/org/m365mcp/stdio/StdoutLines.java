package org.m365mcp.stdio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The process's stdout as whole lines: what the SDK's transport writes is passed on one complete line
 * at a time, so that a line {@link StdinGate} answers itself never lands inside one of the SDK's.
 * Thread-safe.
 */
final class StdoutLines extends OutputStream {

    private final OutputStream out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    StdoutLines(OutputStream out) {
        this.out = out;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        pending.write(b);
        if (b == '\n') {
            pending.writeTo(out);
            out.flush();
            pending.reset();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    /** Writes {@code line} and a line feed at once, between the transport's lines. */
    synchronized void writeLine(String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
