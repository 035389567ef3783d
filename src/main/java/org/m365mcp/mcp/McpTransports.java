package org.m365mcp.mcp;

/**
 * Which transports serve MCP: Streamable HTTP at {@code m365.mcp.path} ({@code m365.mcp.http}, on by
 * default) and stdin/stdout ({@code m365.mcp.stdio}, set by {@code java -jar m365-mcp.jar --stdio}).
 *
 * @param http  whether the HTTP endpoint is published
 * @param stdio whether the process's stdin and stdout speak MCP
 */
public record McpTransports(boolean http, boolean stdio) {}
