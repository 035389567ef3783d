/**
 * Tools of the {@code calendar} area ({@code m365.mcp.tools}).
 */
@McpToolArea(ToolArea.CALENDAR)
package org.m365mcp.tools.calendar;

import org.m365mcp.mcp.McpToolArea;
import org.m365mcp.mcp.ToolArea;
