package org.m365mcp.mcp;

import java.util.Locale;

/** How the server publishes its tools ({@code m365.mcp.tool-mode}). */
public enum ToolMode {
    /** Every offered tool in {@code tools/list}. */
    DIRECT,
    /** Three tools that find, describe and call the offered ones, whatever their number. */
    DISCOVERY;

    static ToolMode parse(String text) {
        for (ToolMode mode : values()) {
            if (mode.name().equalsIgnoreCase(text.trim())) {
                return mode;
            }
        }
        throw new ToolSettingsException(
                "M365_MCP_TOOL_MODE (m365.mcp.tool-mode) is '" + text + "'; valid: direct, discovery");
    }

    String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
