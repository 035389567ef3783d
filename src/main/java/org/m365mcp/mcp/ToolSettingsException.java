package org.m365mcp.mcp;

/** A tool setting ({@code m365.mcp.tools*}, read-only, mode) the server cannot start with; the message says what to fix. */
public class ToolSettingsException extends IllegalArgumentException {

    public ToolSettingsException(String message) {
        super(message);
    }
}
