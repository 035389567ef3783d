/**
 * Tools of the {@code cache} area ({@code m365.mcp.tools}).
 */
@McpToolArea(ToolArea.CACHE)
package org.m365mcp.tools.cache;

import org.m365mcp.mcp.McpToolArea;
import org.m365mcp.mcp.ToolArea;
