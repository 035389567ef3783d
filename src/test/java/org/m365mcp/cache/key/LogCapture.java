package org.m365mcp.cache.key;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures java.util.logging records under a logger name for the duration of a test. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final Level previousLevel;
    private final List<LogRecord> records = new ArrayList<>();

    private LogCapture(String loggerName) {
        this.logger = Logger.getLogger(loggerName);
        this.previousLevel = logger.getLevel();
        setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.addHandler(this);
    }

    /** Starts capturing everything logged under {@code loggerName} (e.g. "org.m365mcp"). */
    public static LogCapture of(String loggerName) {
        return new LogCapture(loggerName);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    /** Every captured message, formatted, one per element. */
    public synchronized List<String> messages() {
        List<String> messages = new ArrayList<>();
        for (LogRecord record : records) {
            String text = new java.util.logging.SimpleFormatter().formatMessage(record);
            messages.add(record.getThrown() == null ? text : text + " " + record.getThrown());
        }
        return messages;
    }

    /** Captured messages at {@code level} exactly. */
    public synchronized List<String> messagesAt(Level level) {
        List<String> messages = new ArrayList<>();
        for (LogRecord record : records) {
            if (record.getLevel().equals(level)) {
                messages.add(new java.util.logging.SimpleFormatter().formatMessage(record));
            }
        }
        return messages;
    }

    /** All captured text joined, for "never contains" assertions. */
    public String allText() {
        return String.join("\n", messages());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previousLevel);
    }
}
