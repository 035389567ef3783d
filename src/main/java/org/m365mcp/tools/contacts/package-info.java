/**
 * Tools of the {@code contacts} area ({@code m365.mcp.tools}).
 */
@McpToolArea(ToolArea.CONTACTS)
package org.m365mcp.tools.contacts;

import org.m365mcp.mcp.McpToolArea;
import org.m365mcp.mcp.ToolArea;
