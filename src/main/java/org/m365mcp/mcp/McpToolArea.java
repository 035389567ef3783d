package org.m365mcp.mcp;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@link ToolArea} of every {@link McpTool} of a package, declared once in its
 * {@code package-info.java}. A tool bean in a package without one fails the deployment.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface McpToolArea {

    ToolArea value();
}
