package org.m365mcp.mcp;

/** A tool argument is missing, of the wrong type, out of range or otherwise unusable. */
public class ToolArgumentException extends ToolException {

    private static final long serialVersionUID = 1L;

    public ToolArgumentException(String argument, String problem) {
        super("Invalid argument '" + argument + "': " + problem);
    }
}
