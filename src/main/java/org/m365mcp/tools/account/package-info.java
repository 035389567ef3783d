/**
 * Tools of the {@code account} area ({@code m365.mcp.tools}).
 */
@McpToolArea(ToolArea.ACCOUNT)
package org.m365mcp.tools.account;

import org.m365mcp.mcp.McpToolArea;
import org.m365mcp.mcp.ToolArea;
