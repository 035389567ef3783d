/**
 * Tools of the {@code files} area ({@code m365.mcp.tools}): OneDrive files and folders.
 */
@McpToolArea(ToolArea.FILES)
package org.m365mcp.tools.drive;

import org.m365mcp.mcp.McpToolArea;
import org.m365mcp.mcp.ToolArea;
