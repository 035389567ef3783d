package org.m365mcp.batch;

/** A start, stop or restart that the job's state does not allow now (a second run, a finished run). */
public class JobConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JobConflictException(String message) {
        super(message);
    }
}
