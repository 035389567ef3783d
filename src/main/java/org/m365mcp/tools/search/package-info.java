/**
 * Tools of the {@code search} area ({@code m365.mcp.tools}): Microsoft Search across kinds;
 * {@code search_emails} and {@code search_contacts} live with mail and contacts.
 */
@McpToolArea(ToolArea.SEARCH)
package org.m365mcp.tools.search;

import org.m365mcp.mcp.McpToolArea;
import org.m365mcp.mcp.ToolArea;
