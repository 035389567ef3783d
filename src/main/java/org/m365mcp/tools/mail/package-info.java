/**
 * Tools of the {@code mail} area ({@code m365.mcp.tools}).
 */
@McpToolArea(ToolArea.MAIL)
package org.m365mcp.tools.mail;

import org.m365mcp.mcp.McpToolArea;
import org.m365mcp.mcp.ToolArea;
