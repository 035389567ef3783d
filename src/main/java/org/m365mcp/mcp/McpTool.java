package org.m365mcp.mcp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a CDI bean as an MCP tool.
 *
 * <ul>
 *   <li>The tool's input schema is derived from the method's parameters (see {@link ToolParam}).</li>
 *   <li>The hints are published as MCP tool annotations; a tool that only reads is
 *       {@code readOnly = true}, one that deletes is {@code destructive = true}.</li>
 *   <li>The method is invoked through the bean's CDI proxy, so interceptors such as
 *       {@code @CacheResult} apply.</li>
 * </ul>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface McpTool {

    /** The tool name, {@code area_action[_entity]} in snake case, unique in the server. */
    String name();

    /** One or two short sentences: they cost the assistant's context on every request. */
    String description();

    boolean readOnly() default false;

    boolean destructive() default false;

    boolean idempotent() default false;

    /** Whether the tool reaches outside the server (Microsoft Graph); cache-only tools say false. */
    boolean openWorld() default true;
}
