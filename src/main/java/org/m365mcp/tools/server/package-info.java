/**
 * Tools of the {@code account} area ({@code m365.mcp.tools}): {@code server_get_version} sits
 * with the account tools, both say who and what the assistant is talking to.
 */
@McpToolArea(ToolArea.ACCOUNT)
package org.m365mcp.tools.server;

import org.m365mcp.mcp.McpToolArea;
import org.m365mcp.mcp.ToolArea;
