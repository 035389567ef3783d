/**
 * MCP over the process's stdin and stdout ({@code java -jar m365-mcp.jar --stdio}): the same tools as the
 * HTTP endpoint, served by the SDK's stdio transport once the application is served; the process ends
 * when the client closes stdin.
 */
package org.m365mcp.stdio;
